package nl.regioinkoop.e2e.proof;

import nl.regioinkoop.testkit.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operations a running service documents in its OpenAPI document ({@code /swagger/<service>-1.yml}, generated
 * from its controllers at build time): a new endpoint is in the matrix without anyone adding it. Read line by line:
 * the generated YAML puts paths at two spaces, methods at four and parameters under them.
 */
final class OpenApiRoutes {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    record Operation(String service, String method, String template, List<String> requiredQuery) {
        @Override
        public String toString() {
            return method + " " + service + template;
        }
    }

    private OpenApiRoutes() {
    }

    static List<Operation> of(String service, Api api) {
        Api.Response doc = api.get("/swagger/" + service + "-service-1.yml", null);
        if (doc.status() != 200) {
            throw new IllegalStateException(service + " serves no OpenAPI document: " + doc);
        }
        return parse(service, doc.body());
    }

    static List<Operation> parse(String service, String yaml) {
        List<Operation> operations = new ArrayList<>();
        boolean inPaths = false;
        String path = null;
        String method = null;
        List<String> required = null;
        String parameter = null;
        String parameterIn = null;
        for (String line : yaml.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String text = line.strip();
            if (indent == 0) {
                inPaths = text.equals("paths:");
                continue;
            }
            if (!inPaths) {
                continue;
            }
            if (indent == 2 && text.endsWith(":")) {
                path = unquote(text.substring(0, text.length() - 1));
                method = null;
            } else if (indent == 4 && text.endsWith(":") && METHODS.contains(text.substring(0, text.length() - 1))) {
                method = text.substring(0, text.length() - 1).toUpperCase();
                required = new ArrayList<>();
                parameter = null;
                operations.add(new Operation(service, method, path, required));
            } else if (method != null && indent <= 6 && !text.startsWith("-")) {
                parameter = null; // past the parameters: a request body's "required" is not a query's
            } else if (method != null && text.startsWith("- name:")) {
                parameter = unquote(text.substring("- name:".length()).strip());
                parameterIn = null;
            } else if (parameter != null && text.startsWith("in:")) {
                parameterIn = text.substring(3).strip();
            } else if (parameter != null && text.equals("required: true") && "query".equals(parameterIn)) {
                required.add(parameter);
            }
        }
        return operations.stream().filter(o -> o.template().startsWith("/api/")).toList();
    }

    private static String unquote(String s) {
        return s.startsWith("\"") || s.startsWith("'") ? s.substring(1, s.length() - 1) : s;
    }
}
