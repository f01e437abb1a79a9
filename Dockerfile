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

# Java 25 runs the app (it is built for 17, the project's floor): its ahead-of-time cache (JEP 483,
# 514) keeps classes linked as well as loaded, which Java 17's class data sharing cannot; the same
# starts were ready about a fifth sooner (BENCHMARKS.md). This departs from Java 17's
# -XX:SharedArchiveFile, which the issue named: the cache is its successor.
FROM eclipse-temurin:25-jre
RUN useradd --system --no-create-home --shell /usr/sbin/nologin scopecut
WORKDIR /app
# Least to most often changed, so that a code change rebuilds only the last layer.
COPY --from=build /src/extracted/dependencies/ ./
COPY --from=build /src/extracted/spring-boot-loader/ ./
COPY --from=build /src/extracted/snapshot-dependencies/ ./
COPY --from=build /src/extracted/application/ ./
# Ahead-of-time cache (Spring Boot's "AOT Cache"): a training run starts the app, asks it for its
# health once, and stops it as a platform would (SIGTERM); as it exits, the JVM writes every class
# it loaded, parsed, verified and linked to app.aot, which each start
# then maps instead of doing that work again. Trained up to the first answer rather than only to
# a refreshed context (-Dspring.context.exit=onRefresh): the classes of Tomcat's request
# handling, the health endpoint and its JSON, about a thousand, are in the cache too
# (BENCHMARKS.md, "Start-up"). Nothing reaches Redis or Slack here: the health answers DOWN, which
# is all the training needs. The cache fits this JVM, these options and this class path only,
# hence made here, on the image's own JRE, with the options of the ENTRYPOINT. The placeholder
# secrets only get past the settings check. MaxRAM sizes it as in the recommended container,
# whatever the build machine's memory. The JRE has no curl: bash's /dev/tcp asks.
RUN SLACK_SIGNING_SECRET=training SLACK_BOT_TOKEN=xoxb-training bash -c '\
	java -XX:MaxRAM=384m -XX:InitialRAMPercentage=30 -XX:MaxRAMPercentage=30 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m -XX:MetaspaceSize=96m --enable-native-access=ALL-UNNAMED \
		-XX:AOTCacheOutput=app.aot -Xlog:aot=error,cds=error -jar app.jar --logging.level.root=ERROR & \
	app=$!; \
	until (exec 3<>/dev/tcp/localhost/3000) 2>/dev/null; do kill -0 $app || exit 1; sleep 0.2; done; \
	exec 3<>/dev/tcp/localhost/3000 && printf "GET /actuator/health HTTP/1.0\r\n\r\n" >&3 && cat <&3 >/dev/null; \
	kill -TERM $app; wait $app; test -s app.aot'
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
# 30% of the container's memory for the heap, from the start: a heap left to grow from its
# default few megabytes grows through full collections under the first load. Under a flood every
# page of the heap is touched, so the heap is the largest part of the peak RSS; the live data is
# about 40 MiB, and 115 MiB leaves the old generation room for twice that. Serial GC: the smallest
# footprint, and short pauses on a heap this size. C1 only (TieredStopAtLevel=1): with C2, Java 25
# peaked at 347 MiB under the flood (its code and compiler arenas; Java 17: 313), and C2 spends a
# third of a start's CPU; C1 alone kept the flood at 246-266 MiB and the start at about 3 s, at
# about a quarter fewer votes per second (an estimate across two runs), still over 60% of a bare
# app's (BENCHMARKS.md, "Third pass"). The code cache is
# reserved as large as tiered compilation reserves it: C1 alone would reserve 48 MiB, and Java
# collects the whole heap each time 15% of the reservation fills with new code (pauses of
# 100-160 ms under load); only the pages used are resident. The class metadata's first collection
# threshold is set above what the app loads (75 MiB): at Java's default of about 21 MiB, each start
# collected the whole heap three times as the threshold grew (25, 47 and 97 ms; "Pause Full
# (Metadata GC Threshold)"), and metadata is committed only as it is used. Native access is allowed
# for the crypto provider that checks Slack's signatures (RequestSignature): Java 25 warns without
# it. Give the container 384 MiB: the benchmark runs the app with exactly these options, and its
# own cache made by the same training run.
ENTRYPOINT ["java", "-XX:InitialRAMPercentage=30", "-XX:MaxRAMPercentage=30", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m", "-XX:MetaspaceSize=96m", "--enable-native-access=ALL-UNNAMED", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
