package dev.gainstage.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gainstage.engine.testing.CommandRunner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A wrong command line is refused before any sidecar is called, with a message naming the flag. */
class RulesCommandTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--sett source_hot_peak_dbfs=-8            | unknown option --sett",
                "--set source_hot_peak_dbfs                | --set needs FIELD=VALUE, not 'source_hot_peak_dbfs'",
                "--set =-8                                 | --set needs FIELD=VALUE",
                "--set no_such_db=-8                       | --set: no threshold 'no_such_db'; known: source_hot_peak_dbfs,",
                "--set source_hot_peak_dbfs=loud           | --set source_hot_peak_dbfs=loud: 'loud' is not a number",
                "--set fader_max_db=3 --set fader_max_db=4 | --set fader_max_db is given twice",
                "--clear nope                              | --clear: no threshold 'nope'",
                "--clear fader_max_db --clear-all          | --clear and --clear-all cannot go together",
                "--show=yes                                | --show takes no value",
                "--sidecar localhost                       | --sidecar needs HOST:PORT",
                "--session                                 | --session needs a value",
                "extra                                     | unexpected argument 'extra'"
            })
    void aWrongFlagIsNamed(String args, String expected) {
        CommandRunner.Result r =
                CommandRunner.run(RulesCommand::run, args.trim().split(" +"));
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("gainstage rules: " + expected), r.err());
        assertTrue(r.err().contains(RulesCommand.USAGE), r.err());
        assertEquals("", r.out());
    }
}
