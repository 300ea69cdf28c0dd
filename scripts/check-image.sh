#!/usr/bin/env bash
# Checks the Jib image configuration where Docker Hub is out of reach: builds the image tar on an
# empty base (`scratch`, so nothing is pulled), then checks its tag, user and entrypoint and runs
# the image's own classpath with the local java to see `--version` name the project version.
# With registry access, `./mvnw -Pimage package` builds the real image on eclipse-temurin:17-jre.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' pom.xml | head -1)
./mvnw -B -q -Pimage -DskipTests -Djib.from.image=scratch package
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
tar -xf target/redis-info-operator-image.tar -C "$work"
python3 - "$work" "$version" <<'PY'
import json, sys
work, version = sys.argv[1], sys.argv[2]
manifest = json.load(open(f"{work}/manifest.json"))[0]
config = json.load(open(f"{work}/{manifest['Config']}"))["config"]
assert manifest["RepoTags"] == [f"redis-info-operator:{version}"], manifest["RepoTags"]
assert config["User"] == "10001:10001", config["User"]
assert config["Entrypoint"][0] == "java", config["Entrypoint"]
assert "JAVA_TOOL_OPTIONS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=0.5 -Xms48m -Xmx128m -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -XX:+UnlockDiagnosticVMOptions -XX:GuaranteedSafepointInterval=0 -XX:AsyncDeflationInterval=10000" in config["Env"], config["Env"]
print("image:", manifest["RepoTags"][0], "user", config["User"], "entrypoint", " ".join(config["Entrypoint"]))
PY
mkdir "$work/root"
for layer in "$work"/*.tar.gz; do tar -xzf "$layer" -C "$work/root" 2>/dev/null; done
sed "s|/app|$work/root/app|g" "$work/root/app/jib-classpath-file" > "$work/classpath"
out=$(java -cp "@$work/classpath" "$(cat "$work/root/app/jib-main-class-file")" --version)
echo "$out"
grep -q "redis-info-operator $version" <<<"$out" || { echo "image --version is not $version" >&2; exit 1; }
echo "OK"
