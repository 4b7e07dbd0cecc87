package io.jenkins.plugins.parallelagents.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.plan.EnvironmentSettings;
import io.jenkins.plugins.parallelagents.plan.PortSettings;
import io.jenkins.plugins.parallelagents.report.AttemptReport;
import io.jenkins.plugins.parallelagents.report.RunReport;
import io.jenkins.plugins.parallelagents.report.RunStatus;
import io.jenkins.plugins.parallelagents.report.TaskStatus;
import io.jenkins.plugins.parallelagents.report.TestStatus;
import io.jenkins.plugins.parallelagents.testing.EngineTestBase;
import io.jenkins.plugins.parallelagents.testing.LocalPorts;
import io.jenkins.plugins.parallelagents.testing.Npm;
import io.jenkins.plugins.parallelagents.testing.Plans;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tasks that start real servers at the same moment, each on the ports the run gave it. */
class PortsRunTest extends EngineTestBase {

  /**
   * Listens on $PORT, then meets the other task's server: each writes its port once listening,
   * calls the other's server once that file exists, and stays up until the other has called it too.
   * Every wait is bounded, so that a broken run fails instead of hanging.
   */
  private static final String SERVER =
      """
      const http = require('http'), fs = require('fs'), path = require('path');
      const [dir, me, other] = process.argv.slice(2);
      const file = (name) => path.join(dir, name);
      const deadline = Date.now() + 60000;
      const until = (ready, then) => {
        if (ready()) return then();
        if (Date.now() > deadline) { console.error('gave up waiting'); process.exit(4); }
        setTimeout(() => until(ready, then), 20);
      };
      const server = http.createServer((req, res) => res.end(me));
      server.on('error', (e) => { console.error('cannot listen: ' + e.message); process.exit(3); });
      server.listen(Number(process.env.PORT), () => {
        fs.writeFileSync(file(me + '.port'), process.env.PORT);
        until(() => fs.existsSync(file(other + '.port')), () => {
          const port = fs.readFileSync(file(other + '.port'), 'utf8');
          http.get('http://127.0.0.1:' + port, (res) => {
            let body = '';
            res.on('data', (d) => (body += d));
            res.on('end', () => {
              fs.writeFileSync(me + '-heard.txt', body + ' answered on ' + port + '\\n');
              fs.writeFileSync(file(me + '.done'), '');
              until(() => fs.existsSync(file(other + '.done')), () => server.close());
            });
          }).on('error', (e) => { console.error('no answer: ' + e.message); process.exit(5); });
        });
      });
      """;

  private Path script;
  private Path barrier;

  @BeforeEach
  void writeServer() throws Exception {
    Npm.assumeInstalled();
    script = Files.writeString(temp.resolve("server.js"), SERVER);
    barrier = Files.createDirectories(temp.resolve("barrier"));
  }

  private String server(String me, String other) {
    return "node " + script + " " + barrier + " " + me + " " + other;
  }

  private static EnvironmentSettings ports(int base) {
    return new EnvironmentSettings(new PortSettings(Map.of("PORT", base)));
  }

  @Test
  void twoTasksStartingServersAtOnce_eachListenOnAPortOfTheirOwn() throws Exception {
    int base = LocalPorts.freeRange(3);

    RunReport report =
        engine.run(
            new Plans()
                .task("web", server("web", "api"))
                .task("api", server("api", "web"))
                .maxParallel(2)
                .test("test \"$PORT\" = " + base)
                .environment(ports(base))
                .build(),
            repo);

    assertThat(report.run().status()).isEqualTo(RunStatus.SUCCEEDED);
    AttemptReport web = report.task("web").orElseThrow().attempts().get(0);
    AttemptReport api = report.task("api").orElseThrow().attempts().get(0);
    assertThat(web.status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(api.status()).isEqualTo(TaskStatus.SUCCEEDED);
    // In plan order from base + 1: what a user reading the plan would guess.
    assertThat(web.ports()).containsExactly(Map.entry("PORT", base + 1));
    assertThat(api.ports()).containsExactly(Map.entry("PORT", base + 2));
    // Each server was called by the other while both listened.
    assertThat(git.show(repo, report.task("web").orElseThrow().branch(), "web-heard.txt").trim())
        .isEqualTo("api answered on " + (base + 2));
    assertThat(git.show(repo, report.task("api").orElseThrow().branch(), "api-heard.txt").trim())
        .isEqualTo("web answered on " + (base + 1));
    assertThat(report.test().status()).isEqualTo(TestStatus.PASSED);
    assertThat(report.test().ports()).containsExactly(Map.entry("PORT", base));
    assertThat(report.test().runs().get(0).ports()).containsExactly(Map.entry("PORT", base));
  }

  @Test
  void aPortAnotherProcessListensOn_isSkipped_andThePromptNamesThePortGiven() throws Exception {
    int base = LocalPorts.freeRange(4);

    // Two slots (the test's and the task's): a taken port's next one is a round further.
    int next = base + 1 + 2;
    RunReport report;
    try (ServerSocket someoneElse = new ServerSocket(base + 1)) {
      report =
          engine.run(
              new Plans()
                  .task(
                      "web",
                      "node -e \"require('http').createServer().listen(process.env.PORT, function"
                          + " () { this.close() })\" && echo \"$PORT\" > port.txt"
                          + " && printf '%s\\n' \"$AGENT_PROMPT\" | grep '^- Ports' > prompt.txt")
                  .environment(ports(base))
                  .build(),
              repo);
    }

    assertThat(report.task("web").orElseThrow().status()).isEqualTo(TaskStatus.SUCCEEDED);
    assertThat(report.task("web").orElseThrow().attempts().get(0).ports())
        .containsExactly(Map.entry("PORT", next));
    String branch = report.task("web").orElseThrow().branch();
    assertThat(git.show(repo, branch, "port.txt").trim()).isEqualTo(Integer.toString(next));
    assertThat(git.show(repo, branch, "prompt.txt"))
        .startsWith("- Ports: PORT=" + (next) + " (in the environment as $PORT)");
  }
}
