package nl.regioinkoop.bench;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run: printed as a table and written as JSON with every detail behind them. */
final class Results {
    /**
     * One line of the table. {@code limit} and {@code ratio} are set where the issue measures against this
     * machine's own limit; {@code goal} is the target, {@code met} null when there is no goal.
     */
    record Figure(String id, String what, String value, String limit, String ratio, String goal, Boolean met) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> details = new LinkedHashMap<>();

    synchronized void figure(String id, String what, String value, String limit, String ratio, String goal, Boolean met) {
        figures.add(new Figure(id, what, value, limit, ratio, goal, met));
    }

    synchronized void detail(String key, Object value) {
        details.put(key, value);
    }

    synchronized Map<String, Object> details() {
        return Map.copyOf(details);
    }

    synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"", "measure", "result", "limit on this machine", "ratio", "goal", "met"});
        for (Figure f : figures()) {
            rows.add(new String[]{f.id(), f.what(), f.value(), blank(f.limit()), blank(f.ratio()), blank(f.goal()),
                    f.met() == null ? "" : f.met() ? "yes" : "no"});
        }
        int[] widths = new int[rows.get(0).length];
        java.util.Arrays.fill(widths, 1);
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            out.append('|');
            for (int i = 0; i < widths.length; i++) {
                out.append(' ').append(String.format("%-" + widths[i] + "s", rows.get(r)[i])).append(" |");
            }
            out.append('\n');
            if (r == 0) {
                out.append('|');
                for (int width : widths) {
                    out.append("-".repeat(width + 2)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    void write(Path file) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Figure f : figures()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("what", f.what());
            m.put("value", f.value());
            m.put("limit", f.limit());
            m.put("ratio", f.ratio());
            m.put("goal", f.goal());
            m.put("met", f.met());
            list.add(m);
        }
        json.put("figures", list);
        synchronized (this) {
            json.put("details", details);
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, JsonMapper.createDefault().writeValueAsString(json));
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    static String percent(double ratio) {
        return String.format("%.1f %%", ratio * 100);
    }

    static String perSecond(double rate) {
        return rate >= 100 ? String.format("%,.0f/s", rate) : String.format("%.1f/s", rate);
    }
}
