package dev.scopecut.ops;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /actuator/health} on the public port, as the interface contract promises,
 * while the actuator itself (metrics included) listens on the management port: Boot's own
 * health endpoint answers, with its own status codes (503 when Redis is down).
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealth {

	private final HealthEndpoint health;

	private final HttpCodeStatusMapper statusCodes;

	/**
	 * @param statusCodes Boot's own mapper, so that
	 * {@code management.endpoint.health.status.http-mapping} applies here too
	 */
	PublicHealth(HealthEndpoint health, HttpCodeStatusMapper statusCodes) {
		this.health = health;
		this.statusCodes = statusCodes;
	}

	@GetMapping(path = "/actuator/health", produces = "application/vnd.spring-boot.actuator.v3+json")
	ResponseEntity<HealthDescriptor> health() {
		HealthDescriptor answer = this.health.health();
		return ResponseEntity.status(this.statusCodes.getStatusCode(answer.getStatus())).body(answer);
	}

}
