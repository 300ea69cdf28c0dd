# redis-info-operator image: `docker build -t ghcr.io/redisinfo/redis-info-operator:0.1.0 .`
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
RUN ./mvnw -B -DskipTests package

# --- run: JRE only, non-root ---
FROM eclipse-temurin:17-jre
RUN useradd --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin redisinfo
WORKDIR /app
COPY --from=build /src/target/redis-info-operator.jar /app/redis-info-operator.jar
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["java","-XX:MaxRAMPercentage=75","-jar","/app/redis-info-operator.jar"]
