#!/bin/sh
# Role zookeeper: this master's member of the ZooKeeper ensemble ({{ensemble_size}} masters).
# The runner has already synced the jars into {{lib_dir}} (a change there marks zookeeper dirty).
. "$(dirname "$0")/lib.sh"
require_command java
ensure_dir "$R/var/lib/regatta/zookeeper" 0750
put_file zookeeper "$STAGE/zoo.cfg" "$R/etc/regatta/zookeeper/zoo.cfg" 0644
put_file zookeeper "$STAGE/logback.xml" "$R/etc/regatta/zookeeper/logback.xml" 0644
put_file zookeeper "$STAGE/myid" "$R/var/lib/regatta/zookeeper/myid" 0644
put_file zookeeper "$STAGE/zookeeper.run" "$REGATTA_SERVICE_DIR/zookeeper.run" 0755
service zookeeper
