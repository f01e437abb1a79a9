package dev.scopecut.store;

import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import dev.scopecut.app.port.StoreUnavailableException;

/**
 * Turns Spring Data's Redis failures into the core's own: no caller sees Redis types.
 */
@Component
class RedisGuard {

	<T> T call(Supplier<T> command) {
		try {
			return command.get();
		}
		catch (DataAccessException ex) {
			throw new StoreUnavailableException("Redis did not answer: " + ex.getMostSpecificCause().getMessage(), ex);
		}
	}

}
