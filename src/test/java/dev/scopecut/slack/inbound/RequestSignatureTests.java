package dev.scopecut.slack.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.scopecut.support.fakeslack.SignedRequests;

class RequestSignatureTests {

	final RequestSignature signature = new RequestSignature("s3cret");

	final String body = "payload=" + SignedRequests.encode("{\"text\":\"café · ☕\"}");

	final byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);

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
