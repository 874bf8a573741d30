#!/bin/sh
# Role consul-server: a Consul server in datacenter {{datacenter}}.
. "$(dirname "$0")/lib.sh"
require_command consul
if ! _out=$(consul validate "$STAGE/consul.hcl" 2>&1); then
  printf '%s\n' "$_out" >&2
  fail "Consul rejects the generated configuration $STAGE/consul.hcl"
fi
ensure_dir "$R/var/lib/regatta/consul" 0700
put_file consul "$STAGE/consul.hcl" "$R/etc/regatta/consul/consul.hcl" 0640
put_file consul "$STAGE/consul.run" "$REGATTA_SERVICE_DIR/consul.run" 0755
service consul
