package nl.regioinkoop.monitoring.slice;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * JSON by default; CSV (one row per record of the figure's main table) for {@code ?format=csv} or
 * {@code Accept: text/csv}, so an analyst can take any figure into a spreadsheet.
 */
public final class Render {
    public static final String TEXT_CSV = "text/csv";

    private Render() {
    }

    public static HttpResponse<?> figure(HttpRequest<?> request, SliceParams params, Object json,
                                         List<? extends Record> rows, String name) {
        if (wantsCsv(request, params)) {
            return HttpResponse.ok(csv(rows))
                    .contentType(MediaType.of(TEXT_CSV + ";charset=utf-8"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
        }
        return HttpResponse.ok(json).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static boolean wantsCsv(HttpRequest<?> request, SliceParams params) {
        if (params != null && params.format() != null) {
            return "csv".equals(params.format());
        }
        return request.getHeaders().getAll(HttpHeaders.ACCEPT).stream().anyMatch(a -> a.contains(TEXT_CSV));
    }

    public static String csv(List<? extends Record> rows) {
        StringBuilder out = new StringBuilder();
        if (rows.isEmpty()) {
            return "";
        }
        RecordComponent[] components = rows.get(0).getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            out.append(i == 0 ? "" : ",").append(components[i].getName());
        }
        out.append("\r\n");
        for (Record row : rows) {
            for (int i = 0; i < components.length; i++) {
                out.append(i == 0 ? "" : ",").append(cell(value(components[i], row)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static Object value(RecordComponent component, Record row) {
        try {
            var accessor = component.getAccessor();
            accessor.setAccessible(true); // figures' rows are package-private records of their feature
            return accessor.invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("unreadable " + component.getName(), e);
        }
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        // a leading = + - @ would be a formula to a spreadsheet
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("-?\\d+(\\.\\d+)?")) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
