package io.jenkins.plugins.parallelagents.excerpt;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.parallelagents.report.FailureExcerpt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TAP that a real {@code node --test} prints when its output goes to a log file. */
class NodeTestFailuresTest {

  @TempDir Path dir;

  private FailureExcerpt runNodeTest(String testFile) throws Exception {
    Files.writeString(dir.resolve("prefs.test.js"), testFile);
    Path log = dir.resolve("test.log");
    Process node =
        new ProcessBuilder("node", "--test")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(node.exitValue()).as("node --test fails").isEqualTo(1);
    return FailureExcerpts.of(log);
  }

  @Test
  void failingSubtests_areNamedWithTheirSuite_andTheirParentIsNot() throws Exception {
    FailureExcerpt excerpt =
        runNodeTest(
            """
            const test = require('node:test');
            const assert = require('node:assert');
            test('loads defaults', () => {});
            test('digest', async (t) => {
              await t.test('daily', () => {});
              await t.test('weekly', () => assert.strictEqual('daily', 'weekly'));
              await t.test('monthly', async (t) => {
                await t.test('first day', () => assert.fail('boom\\nnot ok 9 - planted in a message'));
              });
            });
            test('saves', () => { throw new Error('disk full'); });
            """);

    assertThat(excerpt.failingTests())
        .containsExactly("digest › weekly", "digest › monthly › first day", "saves");
    assertThat(excerpt.lastLines()).isNotEmpty().last().asString().startsWith("# duration_ms");
  }

  @Test
  void aParentThatFailsByItself_isTheOneNamed() throws Exception {
    FailureExcerpt excerpt =
        runNodeTest(
            """
            const test = require('node:test');
            test('suite', async (t) => {
              await t.test('passes', () => {});
              throw new Error('teardown broke');
            });
            test('todo', { todo: true }, () => { throw new Error('expected'); });
            """);

    assertThat(excerpt.failingTests()).containsExactly("suite");
  }
}
