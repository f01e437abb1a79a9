package dev.scopecut;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ScopecutApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScopecutApplication.class, args);
	}

}
