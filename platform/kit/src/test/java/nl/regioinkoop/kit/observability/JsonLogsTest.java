package nl.regioinkoop.kit.observability;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The services' logback.xml includes regio-logging-${LOG_FORMAT}.xml: both formats carry the request id. */
class JsonLogsTest {

    @Test
    void jsonLinesCarryTheRequestIdFromTheMdc() throws Exception {
        String line = logOneLine("json");
        assertTrue(line.startsWith("{") && line.endsWith("}"), line);
        assertTrue(line.contains("\"mdc\": {\"requestId\":\"req-42\"}"), line);
        assertTrue(line.contains("\"formattedMessage\":\"declared 3 lines\""), line);
        assertTrue(line.contains("\"level\":\"INFO\""), line);
    }

    @Test
    void textLinesCarryTheRequestIdToo() throws Exception {
        String line = logOneLine("text");
        assertTrue(line.contains(" req-42 - declared 3 lines"), line);
    }

    private static String logOneLine(String format) throws JoranException {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter()); // the one RequestIds writes to
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        String config = "<configuration><include resource=\"regio-logging-" + format + ".xml\"/>"
                + "<root level=\"INFO\"><appender-ref ref=\"CONSOLE\"/></root></configuration>";
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (RequestIds.Scope ignored = RequestIds.open("req-42")) {
            configurator.doConfigure(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
            context.getLogger("nl.regioinkoop.Sample").info("declared {} lines", 3);
        } finally {
            context.stop();
            System.setOut(out);
        }
        // System.out is the JVM's: a line another test's context logs meanwhile may land here too, so take ours
        return captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("declared 3 lines"))
                .findFirst().orElse(captured.toString(StandardCharsets.UTF_8)).strip();
    }
}
