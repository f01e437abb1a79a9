package dev.scopecut.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceExceptionConverter;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lettuce connection Spring Data Redis shares among all its commands (standalone,
 * Sentinel's master, or the cluster's, which routes a command to its first key's slot),
 * reached directly for the vote path. Through {@link StringRedisTemplate} every command
 * wraps the shared connection in a new {@code LettuceConnection}, which takes the
 * factory's lock and commons-logging's synchronized logger table on each vote: under a
 * flood the request threads queued there before their acknowledgement (BENCHMARKS.md).
 * Being the same connection, what is written here and through the template is counted by
 * one {@code WAIT} ({@link ReplicaWait}).
 * <p>
 * Failures read as the template's would: Lettuce's exceptions through Spring's own
 * converter, then {@link RedisGuard}. Commands wait for their answer as long as the
 * template's do (the client's command timeout). A script Redis has not seen (after a
 * restart or a failover to a fresh replica) is sent whole once, as the template does. The
 * connection is asked of the template once and again only when Spring has closed it (the
 * factory reset or restarted); Lettuce reconnects it by itself otherwise.
 */
class SharedConnection {

	private static final LettuceExceptionConverter LETTUCE_FAILURES = new LettuceExceptionConverter();

	private final StringRedisTemplate redis;

	private final RedisGuard guard;

	private final long timeoutMillis;

	private volatile RedisClusterAsyncCommands<byte[], byte[]> commands;

	SharedConnection(StringRedisTemplate redis, RedisGuard guard) {
		if (!(redis.getConnectionFactory() instanceof LettuceConnectionFactory lettuce)
				|| !lettuce.getShareNativeConnection()) {
			throw new IllegalStateException("Scopecut needs Lettuce with its native connection shared "
					+ "(spring.data.redis.client-type=lettuce, the default)");
		}
		this.redis = redis;
		this.guard = guard;
		this.timeoutMillis = lettuce.getClientConfiguration().getCommandTimeout().toMillis();
	}

	/**
	 * Runs a script that answers a list, as {@code EVALSHA} and, when Redis does not know
	 * it, {@code EVAL}.
	 * @return the script's answer, its bulk strings as text, its integers as longs
	 */
	@SuppressWarnings("rawtypes")
	List<Object> list(RedisScript<List> script, List<String> keys, List<String> args) {
		byte[][] keyBytes = bytes(keys);
		byte[][] argBytes = bytes(args);
		List<Object> answer = call((commands) -> {
			try {
				return await(commands.evalsha(script.getSha1(), ScriptOutputType.MULTI, keyBytes, argBytes),
						this.timeoutMillis);
			}
			catch (RedisNoScriptException ex) {
				return await(commands.eval(script.getScriptAsString(), ScriptOutputType.MULTI, keyBytes, argBytes),
						this.timeoutMillis);
			}
		});
		return texts(answer);
	}

	/**
	 * The answer to a command sent on the shared connection (or, with a cluster, on one
	 * of its node connections), waited for {@code within} at most.
	 */
	<T> T answer(Function<RedisClusterAsyncCommands<byte[], byte[]>, RedisFuture<T>> command, Duration within) {
		return call((commands) -> await(command.apply(commands), within.toMillis()));
	}

	private <T> T call(Function<RedisClusterAsyncCommands<byte[], byte[]>, T> command) {
		return this.guard.call(() -> {
			try {
				return command.apply(commands());
			}
			catch (RuntimeException ex) {
				RuntimeException converted = LETTUCE_FAILURES.convert(ex);
				throw (converted != null) ? converted : ex;
			}
		});
	}

	private static <T> T await(RedisFuture<T> answer, long millis) {
		return LettuceFutures.awaitOrCancel(answer, millis, TimeUnit.MILLISECONDS);
	}

	private RedisClusterAsyncCommands<byte[], byte[]> commands() {
		RedisClusterAsyncCommands<byte[], byte[]> current = this.commands;
		if (current == null || closed(current)) {
			current = this.redis.execute((RedisCallback<RedisClusterAsyncCommands<byte[], byte[]>>) this::nativeOf);
			this.commands = current;
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private RedisClusterAsyncCommands<byte[], byte[]> nativeOf(RedisConnection connection) {
		return (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
	}

	private static boolean closed(RedisClusterAsyncCommands<byte[], byte[]> commands) {
		StatefulConnection<byte[], byte[]> connection = (commands instanceof RedisAdvancedClusterAsyncCommands<byte[], byte[]> cluster)
				? cluster.getStatefulConnection()
				: ((RedisAsyncCommands<byte[], byte[]>) commands).getStatefulConnection();
		return connection instanceof RedisChannelHandler<?, ?> handler && handler.isClosed();
	}

	/** Keys and arguments as the template's string serializer writes them. */
	private byte[][] bytes(List<String> texts) {
		byte[][] bytes = new byte[texts.size()][];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = this.redis.getStringSerializer().serialize(texts.get(i));
		}
		return bytes;
	}

	/** A reply as the template's string serializer reads it: bulk strings as text. */
	private List<Object> texts(List<?> reply) {
		List<Object> texts = new ArrayList<>(reply.size());
		for (Object element : reply) {
			if (element instanceof byte[] bulk) {
				texts.add(this.redis.getStringSerializer().deserialize(bulk));
			}
			else if (element instanceof List<?> nested) {
				texts.add(texts(nested));
			}
			else {
				texts.add(element);
			}
		}
		return texts;
	}

}
