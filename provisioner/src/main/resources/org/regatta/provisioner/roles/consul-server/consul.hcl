# Consul server, written by Regatta (role consul-server); the next deploy overwrites changes.
node_name  = "{{node_name}}"
datacenter = "{{datacenter}}"
data_dir   = "/var/lib/regatta/consul"
server     = true
bootstrap_expect = {{bootstrap_expect}}

bind_addr   = "{{private_address}}"
client_addr = "0.0.0.0"
retry_join     = {{retry_join}}
retry_interval = "1s"

# gossip encryption; the deployment generated the key once
encrypt = "{{gossip_key}}"

disable_update_check        = true
disable_anonymous_signature = true
# no telemetry sinks: metrics stay in the agent, nothing is sent anywhere
telemetry {
  disable_hostname = true
}
acl {
  enabled = false
}
performance {
  raft_multiplier = 1
}
