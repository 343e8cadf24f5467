# Reelgate image: build with a JDK, run on a JRE as a non-root user.
#   docker build -t reelgate .
# Without SPRING_DATASOURCE_URL the app starts its own embedded PostgreSQL under /app/data; with it (as in
# docker-compose.yml) it uses that server.

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
# The wrapper and the POM first, so the dependency download is a cached layer that only a POM change invalidates.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B dependency:go-offline
COPY src/ src/
RUN ./mvnw -B -DskipTests package \
 && cp target/reelgate-*.jar /build/app.jar

FROM eclipse-temurin:25-jre
RUN groupadd --system reelgate \
 && useradd --system --gid reelgate --home-dir /app --no-create-home --shell /usr/sbin/nologin reelgate \
 && mkdir -p /app/data /data/files \
 && chown -R reelgate:reelgate /app /data
WORKDIR /app
COPY --from=build --chown=reelgate:reelgate /build/app.jar app.jar
USER reelgate
EXPOSE 8080
# JVM options go in JAVA_TOOL_OPTIONS (e.g. -XX:MaxRAMPercentage=75), which the JVM reads by itself.
# Keep `-jar`: the jar's manifest (Add-Opens) lets uploads use the JDK's SHA-256 (docs/uploads.md, "The upload's SHA-256").
ENTRYPOINT ["java", "-jar", "app.jar"]
