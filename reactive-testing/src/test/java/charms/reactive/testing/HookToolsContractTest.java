package charms.reactive.testing;

import static charms.reactive.testing.Scenes.Scene.ACTION;
import static charms.reactive.testing.Scenes.Scene.DB_BROKEN;
import static charms.reactive.testing.Scenes.Scene.DB_CHANGED;
import static charms.reactive.testing.Scenes.Scene.DB_CREATED;
import static charms.reactive.testing.Scenes.Scene.DB_DEPARTED;
import static charms.reactive.testing.Scenes.Scene.EMPTY;
import static charms.reactive.testing.Scenes.Scene.LEADER;
import static charms.reactive.testing.Scenes.Scene.METRICS;
import static charms.reactive.testing.Scenes.Scene.UNIT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import charms.reactive.juju.ToolResult;
import charms.reactive.testing.Scenes.Scene;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fake tool's success output, formats and error paths (exit code and the stderr text of
 * Juju's texts), each case run twice: in-process and through the executables as a separate process.
 * Both must give byte-identical results.
 */
class HookToolsContractTest {

  /** One call and what Juju answers. */
  record Case(Scene scene, String tool, List<String> args, String stdin, int exit, String stdout,
      String stderr) {
    @Override
    public String toString() {
      return scene + ": " + tool + " " + String.join(" ", args)
          + (stdin == null ? "" : " <<< " + stdin.replace("\n", "\\n"));
    }
  }

  private static final List<Case> CASES = new ArrayList<>();

  private static void ok(Scene scene, String stdout, String tool, String... args) {
    CASES.add(new Case(scene, tool, Arrays.asList(args), null, 0, stdout, ""));
  }

  private static void fails(Scene scene, int exit, String error, String tool, String... args) {
    CASES.add(new Case(scene, tool, Arrays.asList(args), null, exit, "", "ERROR " + error + "\n"));
  }

  private static void withStdin(Scene scene, String stdin, int exit, String stderr, String tool,
      String... args) {
    CASES.add(new Case(scene, tool, Arrays.asList(args), stdin, exit, "", stderr));
  }

  static {
    // config-get: set or defaulted options, types kept, unknown key is null, formats.
    ok(UNIT, "debug: false\nname: demo\nport: 9000\nratio: 1.5\n", "config-get");
    ok(UNIT, "{\"debug\":false,\"name\":\"demo\",\"port\":9000,\"ratio\":1.5}\n",
        "config-get", "--format=json");
    ok(UNIT, "{\"debug\":false,\"name\":\"demo\",\"port\":9000,\"ratio\":1.5,\"token\":null}\n",
        "config-get", "--all", "--format", "json");
    ok(UNIT, "{\"debug\":false,\"name\":\"demo\",\"port\":9000,\"ratio\":1.5,\"token\":null}\n",
        "config-get", "-a", "--format", "json");
    ok(UNIT, "9000\n", "config-get", "port");
    ok(UNIT, "demo\n", "config-get", "name");
    ok(UNIT, "False\n", "config-get", "debug");
    ok(UNIT, "false\n", "config-get", "debug", "--format=json");
    ok(UNIT, "", "config-get", "missing");
    ok(UNIT, "null\n", "config-get", "missing", "--format=json");
    ok(UNIT, "", "config-get", "missing", "--format=yaml");
    fails(UNIT, 2, "cannot use argument --all together with key \"port\"", "config-get", "--all",
        "port");
    fails(UNIT, 2, "unrecognized args: [\"b\" \"c\"]", "config-get", "a", "b", "c");
    fails(UNIT, 2, "invalid value \"xml\" for option --format: unknown format \"xml\"",
        "config-get", "--format", "xml");
    fails(UNIT, 2, "option provided but not defined: --foo", "config-get", "--foo");
    fails(UNIT, 2, "option provided but not defined: -x", "config-get", "-x");
    fails(UNIT, 2, "option needs an argument: --format", "config-get", "--format");
    fails(UNIT, 2, "empty flag in argument \"--=x\"", "config-get", "--=x");

    // relation-ids
    ok(UNIT, "db:7\n", "relation-ids", "db");
    ok(UNIT, "[\"db:7\"]\n", "relation-ids", "--format=json", "db");
    ok(UNIT, "[]\n", "relation-ids", "nosuch", "--format=json");
    ok(UNIT, "", "relation-ids", "nosuch");
    ok(DB_CHANGED, "db:7\n", "relation-ids");
    ok(DB_BROKEN, "[]\n", "relation-ids", "db", "--format=json");
    fails(UNIT, 2, "no endpoint name specified", "relation-ids");
    fails(UNIT, 2, "unrecognized args: [\"x\"]", "relation-ids", "db", "x");

    // relation-list and the relation id rules
    ok(UNIT, "postgresql/0\npostgresql/1\n", "relation-list", "-r", "7");
    ok(UNIT, "[\"postgresql/0\",\"postgresql/1\"]\n", "relation-list", "-r", "db:7",
        "--format=json");
    ok(UNIT, "[\"postgresql/0\",\"postgresql/1\"]\n", "relation-list", "-r7", "--format=json");
    ok(UNIT, "[\"postgresql/0\",\"postgresql/1\"]\n", "relation-list", "-rdb:7", "--format=json");
    ok(UNIT, "[\"postgresql/0\",\"postgresql/1\"]\n", "relation-list", "-r=db:7",
        "--format=json");
    ok(UNIT, "[\"postgresql/0\",\"postgresql/1\"]\n", "relation-list", "--relation=other:7",
        "--format=json");
    ok(UNIT, "postgresql\n", "relation-list", "--relation", "db:7", "--app");
    ok(UNIT, "\"postgresql\"\n", "relation-list", "-r", "7", "--app", "--format=json");
    ok(UNIT, "[\"demo/1\"]\n", "relation-list", "-r", "cluster:3", "--format=json");
    ok(UNIT, "demo\n", "relation-list", "-r", "3", "--app");
    ok(UNIT, "[]\n", "relation-list", "-r", "9", "--format=json");
    ok(UNIT, "", "relation-list", "-r", "9");
    ok(DB_CHANGED, "postgresql/0\npostgresql/1\n", "relation-list");
    ok(DB_DEPARTED, "[\"postgresql/0\"]\n", "relation-list", "--format=json");
    fails(UNIT, 2, "invalid value \"=7\" for option -r: invalid relation id", "relation-list",
        "-r=7");
    fails(UNIT, 2, "invalid value \"db:x\" for option -r: invalid relation id", "relation-list",
        "-r", "db:x");
    fails(UNIT, 2, "invalid value \"db:99\" for option -r: relation not found", "relation-list",
        "-r", "db:99");
    // Juju 3.x checks only the id after the last colon: db:9 names website:9.
    ok(UNIT, "haproxy\n", "relation-list", "-r", "db:9", "--app");
    fails(UNIT, 2, "invalid value \"42\" for option --relation: relation not found",
        "relation-list", "--relation", "42");
    fails(UNIT, 2, "no relation id specified", "relation-list");
    fails(UNIT, 2, "option needs an argument: -r", "relation-list", "-r");
    fails(UNIT, 2, "unrecognized args: [\"x\"]", "relation-list", "-r", "7", "x");

    // relation-get: defaults, targets, snapshot reads, permissions, name validation
    ok(DB_CHANGED, "host: db0\nport: \"5432\"\n", "relation-get");
    ok(DB_CHANGED, "{\"host\":\"db0\",\"port\":\"5432\"}\n", "relation-get", "--format=json");
    ok(DB_CHANGED, "db0\n", "relation-get", "host");
    ok(DB_CHANGED, "\"db0\"\n", "relation-get", "host", "--format", "json", "postgresql/0");
    ok(DB_CHANGED, "{\"host\":\"db1\"}\n", "relation-get", "--format=json", "-", "postgresql/1");
    ok(DB_CHANGED, "", "relation-get", "missing");
    ok(DB_CHANGED, "null\n", "relation-get", "missing", "--format=json");
    ok(DB_CHANGED, "null\n", "relation-get", "--format=json", "--", "-weird", "postgresql/0");
    ok(DB_CREATED, "{\"version\":\"14\"}\n", "relation-get", "--format=json");
    ok(DB_BROKEN, "14\n", "relation-get", "version");
    ok(UNIT, "{\"version\":\"14\"}\n", "relation-get", "-r", "db:7", "--app", "--format=json",
        "-", "postgresql");
    ok(UNIT, "{\"version\":\"14\"}\n", "relation-get", "-r", "7", "--app", "--format=json", "-",
        "postgresql/3");
    ok(UNIT, "{\"egress-subnets\":\"192.0.2.0/32\",\"ingress-address\":\"192.0.2.0\","
        + "\"private-address\":\"192.0.2.0\"}\n", "relation-get", "-r", "7", "--format=json", "-",
        "demo/0");
    ok(UNIT, "{\"leader-key\":\"x\"}\n", "relation-get", "-r", "3", "--app", "--format=json", "-",
        "demo");
    ok(UNIT, "{\"peer\":\"one\"}\n", "relation-get", "-r", "3", "--format=json", "-", "demo/1");
    ok(LEADER, "{\"schema\":\"v1\"}\n", "relation-get", "-r", "7", "--app", "--format=json", "-",
        "demo/0");
    ok(LEADER, "{\"schema\":\"v1\"}\n", "relation-get", "-r", "7", "--app", "--format=json", "-",
        "demo");
    fails(UNIT, 1, "permission denied", "relation-get", "-r", "7", "--app", "-", "demo");
    fails(UNIT, 1, "cannot read settings for unit \"postgresql/5\" in relation \"db:7\": "
        + "permission denied", "relation-get", "-r", "7", "-", "postgresql/5");
    fails(UNIT, 1, "permission denied", "relation-get", "-r", "7", "--app", "-", "mysql");
    fails(UNIT, 2, "expected unit name, got application name \"postgresql\"", "relation-get",
        "-r", "7", "-", "postgresql");
    fails(UNIT, 2, "invalid unit name \"Bad_Name\"", "relation-get", "-r", "7", "-", "Bad_Name");
    fails(UNIT, 2, "no unit or application specified", "relation-get", "-r", "7");
    fails(UNIT, 2, "no unit or application specified", "relation-get", "-r", "7", "--app");
    fails(UNIT, 2, "no relation id specified", "relation-get", "-", "postgresql/0");
    fails(UNIT, 2, "unrecognized args: [\"extra\"]", "relation-get", "-r", "7", "host",
        "postgresql/0", "extra");

    // relation-set: argument and permission errors (effects: RelationDataTest)
    ok(UNIT, "", "relation-set", "-r", "7", "a=b", "c=");
    ok(DB_CHANGED, "", "relation-set", "a=b");
    ok(LEADER, "", "relation-set", "-r", "7", "--app", "a=b");
    CASES.add(new Case(UNIT, "relation-set", List.of("-r", "7", "--format", "json", "a=b"), null,
        0, "", "--format flag deprecated for command \"relation-set\""));
    fails(UNIT, 2, "no relation id specified", "relation-set", "a=b");
    fails(UNIT, 2, "expected \"key=value\", got \"novalue\"", "relation-set", "-r", "7",
        "novalue");
    fails(UNIT, 2, "expected \"key=value\", got \"=v\"", "relation-set", "-r", "7", "=v");
    fails(UNIT, 2, "key \"a\" specified more than once", "relation-set", "-r", "7", "a=1", "a=2");
    fails(UNIT, 1, "cannot write relation settings", "relation-set", "-r", "7", "--app", "a=b");
    fails(UNIT, 1, "open missing.yaml: no such file or directory", "relation-set", "-r", "7",
        "--file", "missing.yaml");
    withStdin(UNIT, "[1, 2]", 1, "ERROR yaml: unmarshal errors:\n  line 1: cannot unmarshal "
        + "!!seq into map[string]string\n", "relation-set", "-r", "7", "--file", "-");
    withStdin(UNIT, "a: [1]\n", 1, "ERROR yaml: unmarshal errors:\n  line 1: cannot unmarshal "
        + "!!seq into string\n", "relation-set", "-r", "7", "--file", "-");
    withStdin(UNIT, "a: b\n", 0, "", "relation-set", "-r", "7", "--file", "-");

    // is-leader, leader-get, leader-set
    ok(UNIT, "False\n", "is-leader");
    ok(LEADER, "True\n", "is-leader");
    ok(LEADER, "true\n", "is-leader", "--format=json");
    ok(UNIT, "false\n", "is-leader", "--format", "yaml");
    fails(UNIT, 2, "unrecognized args: [\"x\"]", "is-leader", "x");
    ok(UNIT, "seed: abc\n", "leader-get");
    ok(UNIT, "{\"seed\":\"abc\"}\n", "leader-get", "-", "--format=json");
    ok(UNIT, "\"abc\"\n", "leader-get", "--format=json", "seed");
    ok(UNIT, "null\n", "leader-get", "--format=json", "missing");
    fails(UNIT, 2, "invalid key \"a=b\"", "leader-get", "a=b");
    ok(LEADER, "", "leader-set", "a=b", "seed=");
    fails(LEADER, 2, "expected \"key=value\", got \"x\"", "leader-set", "x");
    fails(UNIT, 1, "cannot write leadership settings: cannot write settings: not the leader",
        "leader-set", "a=b");

    // status-set, status-get
    ok(UNIT, "", "status-set", "maintenance", "installing");
    ok(UNIT, "", "status-set", "--", "blocked", "-needs config");
    ok(LEADER, "", "status-set", "--application=True", "active");
    ok(UNIT, "", "status-set", "--application=false", "waiting");
    fails(UNIT, 2, "invalid status \"bogus\", expected one of [maintenance blocked waiting active]",
        "status-set", "bogus");
    fails(UNIT, 2, "invalid status \"error\", expected one of [maintenance blocked waiting active]",
        "status-set", "error");
    fails(UNIT, 2, "invalid args, require <status> [message]", "status-set");
    fails(UNIT, 2, "unrecognized args: [\"b\"]", "status-set", "active", "a", "b");
    fails(UNIT, 2, "option provided but not defined: -n", "status-set", "blocked", "-needs");
    fails(UNIT, 1, "this unit is not the leader", "status-set", "--application", "active");
    fails(UNIT, 2, "invalid value \"maybe\" for option --application: strconv.ParseBool: "
        + "parsing \"maybe\": invalid syntax", "status-set", "--application=maybe", "active");
    ok(UNIT, "active\n", "status-get");
    ok(UNIT, "{\"status\":\"active\"}\n", "status-get", "--format=json");
    ok(UNIT, "{\"message\":\"ready\",\"status\":\"active\",\"status-data\":{}}\n", "status-get",
        "--include-data", "--format=json");
    ok(UNIT, "message: ready\nstatus: active\nstatus-data: {}\n", "status-get", "--include-data");
    ok(LEADER, "unknown\n", "status-get", "--application");
    ok(LEADER, "{\"application-status\":{\"message\":\"\",\"status\":\"unknown\",\"status-data\""
        + ":{},\"units\":{\"demo/0\":{\"message\":\"ready\",\"status\":\"active\",\"status-data\""
        + ":{}}}}}\n", "status-get", "--application", "--include-data", "--format=json");
    fails(UNIT, 1, "finding application status: this unit is not the leader", "status-get",
        "--application");

    // application-version-set, juju-log
    ok(UNIT, "", "application-version-set", "1.2.3");
    ok(UNIT, "", "application-version-set", "--", "-rc1");
    fails(UNIT, 2, "no version specified", "application-version-set");
    ok(UNIT, "", "juju-log", "hello", "world");
    ok(UNIT, "", "juju-log", "--log-level", "nonsense", "x");
    fails(UNIT, 2, "no message specified", "juju-log");
    fails(UNIT, 2, "no message specified", "juju-log", "--debug", "--");
    fails(UNIT, 2, "option needs an argument: -l", "juju-log", "-l");

    // ports
    ok(UNIT, "", "open-port", "8080");
    ok(UNIT, "", "open-port", "8000-8100/UDP");
    ok(UNIT, "", "open-port", "icmp");
    ok(UNIT, "", "open-port", "443/tcp", "--endpoints", "website,admin-net");
    ok(UNIT, "", "close-port", "80/tcp");
    fails(UNIT, 2, "no port or range specified", "open-port");
    fails(UNIT, 2, "invalid protocol \"sctp\", expected \"tcp\", \"udp\", or \"icmp\"",
        "open-port", "80/sctp");
    fails(UNIT, 2, "invalid port \"abc\": strconv.Atoi: parsing \"abc\": invalid syntax",
        "open-port", "abc");
    fails(UNIT, 2, "invalid port range 90-80/tcp", "close-port", "90-80");
    fails(UNIT, 2, "port range bounds must be between 0 and 65535, got 1-70000", "open-port",
        "1-70000");
    fails(UNIT, 1, "cannot open 80/tcp for endpoint \"nosuch\": the charm defines no such "
        + "endpoint", "open-port", "80", "--endpoints", "nosuch");
    ok(UNIT, "80/tcp\n8000-8100/udp\n", "opened-ports");
    ok(UNIT, "[\"80/tcp (*)\",\"8000-8100/udp (website)\"]\n", "opened-ports", "--endpoints",
        "--format=json");
    ok(EMPTY, "[]\n", "opened-ports", "--format=json");
    ok(EMPTY, "", "opened-ports");

    // unit-get, network-get
    ok(UNIT, "192.0.2.0\n", "unit-get", "private-address");
    ok(UNIT, "\"192.0.2.0\"\n", "unit-get", "--format=json", "public-address");
    fails(UNIT, 2, "no setting specified", "unit-get");
    fails(UNIT, 2, "unknown setting \"foo\"", "unit-get", "foo");
    ok(UNIT, "{\"bind-addresses\":[{\"mac-address\":\"00:00:5e:00:53:01\",\"interface-name\":"
        + "\"eth0\",\"addresses\":[{\"hostname\":\"\",\"value\":\"192.0.2.0\",\"cidr\":"
        + "\"192.0.2.0/24\"}]}],\"egress-subnets\":[\"192.0.2.0/32\"],\"ingress-addresses\":"
        + "[\"192.0.2.0\"]}\n", "network-get", "db", "--format=json");
    ok(UNIT, "bind-addresses:\n- mac-address: 00:00:5e:00:53:01\n  interface-name: eth0\n"
        + "  addresses:\n  - hostname: \"\"\n    value: 192.0.2.0\n    cidr: 192.0.2.0/24\n"
        + "    address: 192.0.2.0\n  macaddress: 00:00:5e:00:53:01\n  interfacename: eth0\n"
        + "egress-subnets:\n- 192.0.2.0/32\ningress-addresses:\n- 192.0.2.0\n", "network-get",
        "db");
    ok(UNIT, "192.0.2.0\n", "network-get", "db", "--ingress-address");
    ok(UNIT, "10.1.2.3\n", "network-get", "--bind-address", "website");
    ok(UNIT, "[\"192.0.2.0/32\"]\n", "network-get", "admin-net", "--egress-subnets",
        "--format=json");
    ok(UNIT, "{\"bind-address\":\"10.1.2.3\",\"ingress-address\":\"10.1.2.3\"}\n", "network-get",
        "-r", "9", "website", "--ingress-address", "--bind-address", "--format=json");
    ok(UNIT, "192.0.2.0\n", "network-get", "cluster", "--primary-address");
    fails(UNIT, 1, "no network config found for binding \"nosuch\"", "network-get", "nosuch");
    fails(UNIT, 2, "no arguments specified", "network-get");
    fails(UNIT, 2, "invalid value \"99\" for option -r: relation not found", "network-get",
        "-r", "99", "db");
    fails(UNIT, 1, "--primary-address must be the only flag specified", "network-get", "db",
        "--primary-address", "--bind-address");

    // action tools: outside actions, then inside one
    fails(UNIT, 1, "not running an action", "action-get");
    fails(UNIT, 1, "not running an action", "action-set", "a=b");
    fails(UNIT, 1, "not running an action", "action-fail");
    fails(UNIT, 1, "not running an action", "action-log", "hi");
    ok(ACTION, "{\"compress\":true,\"opts\":{\"level\":3},\"target\":\"/tmp/backup\"}\n",
        "action-get", "--format=json");
    ok(ACTION, "compress: true\nopts:\n  level: 3\ntarget: /tmp/backup\n", "action-get");
    ok(ACTION, "/tmp/backup\n", "action-get", "target");
    ok(ACTION, "3\n", "action-get", "opts.level");
    ok(ACTION, "True\n", "action-get", "compress");
    ok(ACTION, "null\n", "action-get", "nosuch.deep", "--format=json");
    ok(ACTION, "null\n", "action-get", "target.deeper", "--format=json");
    ok(ACTION, "", "action-set", "result.size=10G", "result.files=3", "note=");
    ok(ACTION, "", "action-fail", "went wrong");
    ok(ACTION, "", "action-log", "progress", "50%");
    fails(ACTION, 2, "key \"Bad\" must start and end with lowercase alphanumeric, and contain "
        + "only lowercase alphanumeric, hyphens and periods", "action-set", "Bad=1");
    fails(ACTION, 2, "key \"\" must start and end with lowercase alphanumeric, and contain only "
        + "lowercase alphanumeric, hyphens and periods", "action-set", "a..b=1");
    fails(ACTION, 2, "cannot set reserved action key \"stdout\"", "action-set", "stdout=x");
    fails(ACTION, 2, "argument \"novalue\" must be of the form key...=value", "action-set",
        "novalue");
    fails(ACTION, 2, "unrecognized args: [\"b\"]", "action-fail", "a", "b");
    fails(ACTION, 2, "no message specified", "action-log");
    fails(ACTION, 2, "unrecognized args: [\"b\"]", "action-get", "a", "b");

    // state-get, state-set, state-delete
    ok(UNIT, "k: v\n", "state-get");
    ok(UNIT, "{\"k\":\"v\"}\n", "state-get", "--format=json");
    ok(UNIT, "v\n", "state-get", "k");
    ok(UNIT, "", "state-get", "missing");
    ok(UNIT, "\"\"\n", "state-get", "missing", "--format=json");
    ok(EMPTY, "null\n", "state-get", "--format=json");
    ok(EMPTY, "{}\n", "state-get");
    fails(UNIT, 1, "\"missing\" not found", "state-get", "--strict", "missing");
    ok(UNIT, "", "state-set", "a=b", "c=d");
    fails(UNIT, 2, "expected \"key=value\", got \"a\"", "state-set", "a");
    ok(UNIT, "", "state-delete", "k");
    ok(UNIT, "", "state-delete");
    fails(UNIT, 2, "unrecognized args: [\"b\"]", "state-delete", "a", "b");

    // goal-state: yaml by default, only yaml and json
    String since = "\"since\":\"2025-01-01 00:00:00Z\"";
    ok(UNIT, "{\"units\":{\"demo/0\":{\"status\":\"active\"," + since + "},\"demo/1\":{\"status\":"
        + "\"active\"," + since + "}},\"relations\":{\"cluster\":{\"demo/1\":{\"status\":"
        + "\"active\"," + since + "}},\"db\":{\"postgresql\":{\"status\":\"joined\"," + since
        + "},\"postgresql/0\":"
        + "{\"status\":\"active\"," + since + "},\"postgresql/1\":{\"status\":\"active\"," + since
        + "}},\"website\":{\"haproxy\":{\"status\":\"joined\"," + since + "}}}}\n", "goal-state",
        "--format=json");
    ok(EMPTY, "units:\n  demo/0:\n    status: active\n    since: 2025-01-01 00:00:00Z\n"
        + "relations: {}\n", "goal-state");
    fails(UNIT, 2, "invalid value \"smart\" for option --format: unknown format \"smart\"",
        "goal-state", "--format=smart");

    // restricted context: only juju-log and config-get work
    fails(METRICS, 1, "not implemented for restricted context", "relation-ids", "db");
    fails(METRICS, 1, "not implemented for restricted context", "status-set", "active");
    fails(METRICS, 1, "not implemented for restricted context", "is-leader");
    ok(METRICS, "", "juju-log", "collecting");
    ok(METRICS, "9000\n", "config-get", "port");

    // help goes to stdout with exit 0
    ok(UNIT, "Usage: is-leader [--format <smart|yaml|json>]\n", "is-leader", "--help");
    ok(UNIT, "Usage: state-delete <key>\n", "state-delete", "-h");
  }

  static Stream<Arguments> cases() {
    return Stream.of(ToolChannel.values())
        .flatMap(channel -> CASES.stream().map(c -> Arguments.of(channel, c)));
  }

  @AfterAll
  static void stopServer() {
    ToolChannel.shutdown();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void answersAsJujuDoes(ToolChannel channel, Case c) {
    FakeHookTools tools = c.scene().tools();
    ToolResult result = channel.call(tools, c.tool(), c.args(), c.stdin(),
        Scenes.CHARM.directory());
    assertEquals(c.exit(), result.exitCode(), () -> c + ": exit code; stderr was "
        + result.stderr());
    assertEquals(c.stdout(), result.stdout(), () -> c + ": stdout");
    assertEquals(c.stderr(), result.stderr(), () -> c + ": stderr");
    HookToolCall recorded = tools.calls().get(tools.calls().size() - 1);
    assertEquals(c.tool(), recorded.tool());
    assertEquals(c.args(), recorded.args());
    assertEquals(c.exit(), recorded.exitCode());
  }
}
