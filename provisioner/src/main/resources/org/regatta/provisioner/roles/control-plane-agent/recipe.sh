#!/bin/sh
# Role control-plane-agent: runs the tasks the control plane's leader places here; reports to
# the masters {{master_urls}}.
. "$(dirname "$0")/lib.sh"
require_command java
ensure_dir "$R/var/lib/regatta/agent" 0750
put_file control-plane-agent "$STAGE/logback.xml" "$R/etc/regatta/control-plane/logback.xml" 0644
put_file control-plane-agent "$STAGE/control-plane-agent.run" "$REGATTA_SERVICE_DIR/control-plane-agent.run" 0755
service control-plane-agent
