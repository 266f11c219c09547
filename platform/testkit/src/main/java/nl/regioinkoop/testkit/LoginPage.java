package nl.regioinkoop.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OIDC server's login page: the demo users grouped by region, each a button that posts the user's name and
 * claims to the authorization endpoint (the mock server puts them in the tokens). Plain HTML, no script, Dutch.
 */
final class LoginPage {
    private LoginPage() {
    }

    static String html(List<OidcUser> users) {
        Map<String, StringBuilder> groups = new LinkedHashMap<>();
        for (OidcUser user : users) {
            groups.computeIfAbsent(user.group(), g -> new StringBuilder()).append("""
                      <li><form method="post">
                        <input type="hidden" name="username" value="%s">
                        <input type="hidden" name="claims" value="%s">
                        <button type="submit">%s</button>
                      </form></li>
                    """.formatted(escape(user.username()), escape(json(user.claims())), escape(user.label())));
        }
        StringBuilder sections = new StringBuilder();
        groups.forEach((group, items) -> sections.append("""
                  <section>
                    <h2>%s</h2>
                    <ul>
                %s    </ul>
                  </section>
                """.formatted(escape(group), items)));
        return """
                <!doctype html>
                <html lang="nl">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Aanmelden · Regio Inkoop</title>
                  <style>
                    body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f4f6f8; }
                    header { background: #154273; color: #fff; padding: 1rem 2rem; }
                    header p { margin: .25rem 0 0; }
                    main { max-width: 60rem; margin: 0 auto; padding: 1rem 2rem 3rem; }
                    section { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: .5rem 1.5rem 1rem; margin: 1rem 0; }
                    ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
                    form { margin: 0; }
                    button { font: inherit; padding: .4rem .9rem; border: 1px solid #154273; border-radius: 4px; background: #fff; color: #154273; cursor: pointer; }
                    button:hover { background: #e8eef6; }
                    button:focus-visible { outline: 3px solid #ffb612; outline-offset: 2px; }
                  </style>
                </head>
                <body>
                <header>
                  <h1>Aanmelden bij Regio Inkoop</h1>
                  <p>Lokale identiteitsdienst: kies met wie u zich aanmeldt. In productie meldt u zich aan bij de identiteitsdienst van uw organisatie.</p>
                </header>
                <main>
                %s</main>
                </body>
                </html>
                """.formatted(sections);
    }

    static String json(Map<String, Object> claims) {
        StringBuilder json = new StringBuilder("{");
        claims.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(k)).append(':');
            if (v instanceof List<?> list) {
                json.append('[');
                for (int i = 0; i < list.size(); i++) {
                    json.append(i > 0 ? "," : "").append(quote(String.valueOf(list.get(i))));
                }
                json.append(']');
            } else {
                json.append(quote(String.valueOf(v)));
            }
        });
        return json.append('}').toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
