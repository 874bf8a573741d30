#!/bin/sh
# Role control-plane-master: a master of the control plane (Marathon-compatible API on port
# {{port}}), one of {{master_count}}; leader election and state in ZooKeeper {{zk}}.
. "$(dirname "$0")/lib.sh"
require_command java
put_file control-plane-master "$STAGE/logback.xml" "$R/etc/regatta/control-plane/logback.xml" 0644
put_file control-plane-master "$STAGE/control-plane-master.run" "$REGATTA_SERVICE_DIR/control-plane-master.run" 0755
service control-plane-master
