#!/bin/sh
# The image's entrypoint: starts the service's jar with an application class-data-sharing archive (AppCDS), as
# deploy/local's ServiceProcesses does. The first start of an image writes the archive when the service stops
# gracefully (-XX:ArchiveClassesAtExit); every later start maps the classes loaded and verified then
# (-XX:SharedArchiveFile) instead of reading them from the 46 MB jar again, which halves start-up CPU.
# The archive's name carries the jar's size and time, and the JVM ignores one that does not fit (-Xshare:auto).
# CDS_DIR must be writable and outlive the container to help: compose keeps a container's files across restarts,
# Kubernetes mounts an emptyDir there (it survives container restarts in the pod). Unwritable: an ordinary start.
set -u
jar=${SERVICE_JAR:-/app/service.jar}
dir=${CDS_DIR:-/app/cds}
name=$(basename "$jar" .jar)
archive="$dir/$name-$(stat -c %s-%Y "$jar").jsa"
if [ -f "$archive" ]; then
  exec java -XX:SharedArchiveFile="$archive" -Xshare:auto "$@" -jar "$jar"
fi
if ! mkdir -p "$dir" 2>/dev/null || [ ! -w "$dir" ]; then
  exec java "$@" -jar "$jar"
fi
rm -f "$dir/$name"-*.tmp # of a JVM killed while it wrote (one JVM per container): a cut archive crashes the JVM
pending="$archive.$$.tmp"
# the dump warns of every class it leaves out (generated accessors, JFR events): errors only
java -XX:ArchiveClassesAtExit="$pending" '-Xlog:cds*=error' "$@" -jar "$jar" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null' TERM INT
wait $pid
status=$?
# a signal interrupts wait; wait again until the JVM has run its shutdown hooks, written the archive and exited
while kill -0 $pid 2>/dev/null; do
  wait $pid
  status=$?
done
# 143: ended by SIGTERM; anything else (SIGKILL, a crash) may have cut the archive short
if { [ $status -eq 0 ] || [ $status -eq 143 ]; } && [ -s "$pending" ]; then
  rm -f "$dir/$name"-*.jsa
  mv "$pending" "$archive"
else
  rm -f "$pending"
fi
exit $status
