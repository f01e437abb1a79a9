package dev.scopecut.slack.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import javax.crypto.Mac;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.scopecut.support.fakeslack.SignedRequests;

class RequestSignatureTests {

	final RequestSignature signature = new RequestSignature("s3cret");

	final String body = "payload=" + SignedRequests.encode("{\"text\":\"café · ☕\"}");

	final byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);

	/** The native provider where it loads, as on x86-64 Linux, and the JDK's. */
	static Stream<Provider> providers() throws Exception {
		Provider jdk = Mac.getInstance("HmacSHA256").getProvider();
		return (AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() == null)
				? Stream.of(AmazonCorrettoCryptoProvider.INSTANCE, jdk) : Stream.of(jdk);
	}

	@Test
	@EnabledOnOs(value = OS.LINUX, architectures = "amd64")
	void checksWithTheNativeProviderWhereItLoads() {
		assertThat(AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError()).isNull();
		assertThat(RequestSignature.fastest(AmazonCorrettoCryptoProvider.INSTANCE, null))
			.isSameAs(AmazonCorrettoCryptoProvider.INSTANCE);
	}

	@Test
	void checksWithTheJdksProviderWhenTheNativeOneDidNotLoadOrCannotMakeAnHmac() throws Exception {
		Provider jdk = Mac.getInstance("HmacSHA256").getProvider();
		Provider withoutHmac = new Provider("Empty", "1", "makes nothing") {
		};

		assertThat(RequestSignature.fastest(AmazonCorrettoCryptoProvider.INSTANCE,
				new UnsatisfiedLinkError("no libamazonCorrettoCryptoProvider")))
			.isSameAs(jdk);
		assertThat(RequestSignature.fastest(withoutHmac, null)).isSameAs(jdk);
	}

	/** Slack's own example ("Verifying requests from Slack"). */
	@ParameterizedTest
	@MethodSource("providers")
	void acceptsSlacksDocumentedExampleWithEitherProvider(Provider provider) {
		RequestSignature slacks = new RequestSignature("8f742231b10e8888abcd99yyyzzz85a5", provider);
		byte[] body = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
				+ "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
				+ "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
				+ "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c")
			.getBytes(StandardCharsets.UTF_8);
		String signed = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

		assertThat(slacks.isValid("1531420618", body, signed)).isTrue();
		assertThat(slacks.isValid("1531420619", body, signed)).isFalse();
	}

	@Test
	void acceptsWhatSlacksSdkSignsOnTheSameBytes() {
		String signed = SignedRequests.sign("s3cret", "1700000000", this.body);

		assertThat(this.signature.isValid("1700000000", this.bytes, signed)).isTrue();
		// The Mac is reset after each check: the same request checks again.
		assertThat(this.signature.isValid("1700000000", this.bytes, signed)).isTrue();
	}

	@Test
	void refusesAnotherSecretTimestampOrBody() {
		String signed = SignedRequests.sign("s3cret", "1700000000", this.body);

		assertThat(this.signature.isValid("1700000001", this.bytes, signed)).isFalse();
		assertThat(this.signature.isValid("1700000000", "payload=x".getBytes(StandardCharsets.UTF_8), signed))
			.isFalse();
		assertThat(
				this.signature.isValid("1700000000", this.bytes, SignedRequests.sign("other", "1700000000", this.body)))
			.isFalse();
	}

	@Test
	void refusesMissingOrMalformedSignaturesWithoutThrowing() {
		String signed = SignedRequests.sign("s3cret", "1700000000", this.body);
		for (String malformed : new String[] { null, "", "v0=", "v1=" + signed.substring(3), signed + "0",
				signed.substring(0, signed.length() - 1), signed.substring(0, signed.length() - 1) + "z" }) {
			assertThat(this.signature.isValid("1700000000", this.bytes, malformed)).as(malformed).isFalse();
		}
		assertThat(this.signature.isValid(null, this.bytes, signed)).isFalse();
	}

	@Test
	void eachThreadChecksWithItsOwnMac() {
		String signed = SignedRequests.sign("s3cret", "1700000000", this.body);

		assertThat(CompletableFuture.supplyAsync(() -> this.signature.isValid("1700000000", this.bytes, signed)).join())
			.isTrue();
		assertThat(this.signature.isValid("1700000000", this.bytes, signed)).isTrue();
	}

}
