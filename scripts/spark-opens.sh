# Sourced by the launcher and the Spark benchmarks: the JVM flags Spark needs on Java 17 (as spark-submit adds
# them; the spark module's tests list the same in spark/pom.xml). Sets SPARK_OPENS.
SPARK_OPENS=""
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
    java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  SPARK_OPENS="$SPARK_OPENS --add-opens=java.base/$p=ALL-UNNAMED"
done
