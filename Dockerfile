# redis-info-operator image with a Docker daemon: `docker build -t redis-info-operator:0.1.0-SNAPSHOT .`
# (the tag is the project version, as deploy/ and the Helm chart expect). Without a daemon:
# `./mvnw -Pimage package` (Jib) builds the same image as target/redis-info-operator-image.tar.
# The same image runs `operator` (the deploy/ manifests) and `standalone`.

# --- build: the shaded jar (target/redis-info-operator.jar) ---
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first, so source-only changes reuse the cached layer.
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Best effort: whatever go-offline misses is fetched by package below.
RUN ./mvnw -B -q dependency:go-offline || true
COPY src src
COPY crds crds
# The class-data archive is made in the run stage below: it only fits the JVM that made it.
RUN ./mvnw -B -DskipTests -DskipClassArchive package

# --- run: JRE only, non-root ---
FROM eclipse-temurin:17-jre
RUN useradd --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin redisinfo
WORKDIR /app
COPY --from=build /src/target/redis-info-operator.jar /app/redis-info-operator.jar
EXPOSE 8080
# A default the Deployment's JAVA_TOOL_OPTIONS replaces (a flag on the java command line would
# override the Deployment's setting instead); the same options as deploy/ (docs/BENCHMARKS.md).
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.5 -Xms48m -Xmx128m -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=0 -XX:AsyncDeflationInterval=10000"
# Class-data sharing: a training run of this JRE and this jar writes the archive of the classes a
# start loads; every start maps it instead of loading them again, about 0.6 s sooner to the first
# full sweep (docs/BENCHMARKS.md, "Class-data sharing"). A JVM it does not fit ignores it.
COPY scripts/class-archive.sh /tmp/class-archive.sh
RUN bash /tmp/class-archive.sh /app/redis-info-operator.jar /app/redis-info-operator.jsa \
    && rm /tmp/class-archive.sh
USER 10001:10001
ENTRYPOINT ["java","-XX:SharedArchiveFile=/app/redis-info-operator.jsa","-jar","/app/redis-info-operator.jar"]
