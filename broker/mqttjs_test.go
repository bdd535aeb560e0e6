package broker_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/intercomd/intercomd/broker"
	"github.com/intercomd/intercomd/internal/mqtttest"
)

// mqttjsScript connects MQTT.js over WebSocket with MQTT 5 and 3.1.1,
// subscribes, publishes at QoS 1 with user properties (mochi would copy them
// into the PUBACK unless NoInheritedPropertiesOnAck is set, and MQTT.js 5
// then fails with "Invalid puback reason code") and waits for its message.
const mqttjsScript = `
const mqtt = require(process.env.MQTTJS);
setTimeout(() => { console.error("mqttjs failed: no answer within 10 s (a PUBACK MQTT.js rejected?)"); process.exit(1); }, 10000).unref();
async function run(version) {
  const c = await mqtt.connectAsync(process.env.URL, {protocolVersion: version, clientId: "js" + version, reconnectPeriod: 0, connectTimeout: 5000});
  const got = new Promise((resolve) => c.on("message", (t, p) => resolve(p.toString())));
  await c.subscribeAsync("intercom/v1/home/user/panel", {qos: 1});
  const opts = {qos: 1};
  if (version === 5) opts.properties = {userProperties: {via: "mqttjs"}};
  await c.publishAsync("intercom/v1/home/user/panel", "hello " + version, opts);
  const p = await got;
  if (p !== "hello " + version) throw new Error("got " + p);
  await c.endAsync();
}
run(5).then(() => run(4)).then(() => console.log("mqttjs ok"), (e) => { console.error("mqttjs failed:", e.message); process.exit(1); });
`

// TestMQTTJS runs the browser MQTT client (MQTT.js 5, under Node) against the
// embedded broker's WebSocket listener. It needs node and web/node_modules
// (cd web && npm ci); without them it is skipped.
func TestMQTTJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	mod, _ := filepath.Abs("../web/node_modules/mqtt")
	if _, err := os.Stat(mod); err != nil {
		t.Skip("MQTT.js not installed: cd web && npm ci")
	}
	e := mqtttest.NewEmbedded(t, broker.Config{})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, node, "-e", mqttjsScript)
	cmd.Env = append(os.Environ(), "MQTTJS="+mod, "URL="+e.WebSocketURL())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "mqttjs ok") {
		t.Fatalf("MQTT.js against %s: %v\n%s", e.WebSocketURL(), err, out)
	}
}
