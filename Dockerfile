# syntax=docker/dockerfile:1
# Build: docker build -t scopecut .
# Run:   docker run -p 3000:3000 -e SLACK_BOT_TOKEN=... -e SLACK_SIGNING_SECRET=... -e REDIS_URL=redis://... scopecut

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# The cache mount keeps Maven and the dependencies between builds (BuildKit, Docker's default builder).
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package \
	&& cp target/scopecut-*.jar app.jar \
	&& java -Djarmode=tools -jar app.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
RUN useradd --system --no-create-home --shell /usr/sbin/nologin scopecut
WORKDIR /app
# Least to most often changed, so that a code change rebuilds only the last layer.
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
# Class data sharing (Spring Boot's "Class Data Sharing"): a training run starts the app up to a
# refreshed context and exits (-Dspring.context.exit=onRefresh; nothing connects to Redis or
# Slack by then), archiving every class it loaded, parsed and verified, which each start then maps
# instead of loading again: about a third less start-up CPU. The archive fits this JVM and this
# class path only, hence made here, on the image's own JRE, with the options of the ENTRYPOINT.
# The placeholder secrets only get past the settings check: the training run serves nothing.
# MaxRAM sizes it as in the recommended container, whatever the build machine's memory.
RUN SLACK_SIGNING_SECRET=training SLACK_BOT_TOKEN=xoxb-training \
	java -XX:MaxRAM=384m -XX:InitialRAMPercentage=40 -XX:MaxRAMPercentage=40 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
	-XX:ArchiveClassesAtExit=application.jsa -Xlog:cds=error -Dspring.context.exit=onRefresh -jar app.jar \
	--logging.level.root=WARN
USER scopecut
# Two malloc arenas, not glibc's eight per core: the JVM allocates little with malloc, and each
# arena a busy thread touches stays resident (peak RSS, BENCHMARKS.md).
ENV MALLOC_ARENA_MAX=2
# 3000: Slack's requests, health and the probes /livez and /readyz. 8081 (MANAGEMENT_PORT): the
# actuator, /actuator/prometheus included; never route it to the public URL.
EXPOSE 3000 8081
# No HEALTHCHECK: the JRE image has no curl or wget. Let the orchestrator probe liveness on
# GET /livez (UP while Redis is down: a restart would not help) and readiness on GET /readyz
# (DOWN while Redis is unreachable). /actuator/health is for people, not for a liveness probe.
# 40% of the container's memory for the heap, from the start: a heap left to grow from its
# default few megabytes grows through full collections under the first load. The rest is
# metaspace and the class archives, code and threads: about 160 MiB under load, which at half
# the container for the heap put the peak RSS over 300 MiB (BENCHMARKS.md); the live data is
# about 40 MiB. Serial GC: the smallest footprint, and short pauses on a heap
# this size. Give the container 384 MiB: the benchmark (BENCHMARKS.md) runs the app with
# exactly these options, and its own archive made by the same training run.
ENTRYPOINT ["java", "-XX:InitialRAMPercentage=40", "-XX:MaxRAMPercentage=40", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:SharedArchiveFile=application.jsa", "-jar", "app.jar"]
