package nl.regioinkoop.access.message;

import nl.regioinkoop.istandaarden.Name;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * access-service keeps a client's name as one text ("Sanne de Vries"); the messages want its parts. The first word is
 * the given name, the lower-case words after it (de, van der, ...) the prefix, the rest the surname.
 */
final class Names {
    private static final Set<String> PREFIX_WORDS = Set.of("d'", "de", "den", "der", "des", "het", "in", "la", "le",
            "op", "t", "'t", "te", "ten", "ter", "uit", "van", "von", "zu");

    private Names() {
    }

    static Name split(String full) {
        List<String> words = new ArrayList<>(Arrays.asList(full.strip().split("\\s+")));
        if (words.size() == 1) {
            return new Name(cut(words.get(0), 200), null, null, null);
        }
        String given = words.remove(0);
        List<String> prefix = new ArrayList<>();
        while (words.size() > 1 && PREFIX_WORDS.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            prefix.add(words.remove(0));
        }
        String joinedPrefix = prefix.isEmpty() ? null : cut(String.join(" ", prefix), 10);
        return new Name(cut(String.join(" ", words), 200), joinedPrefix, cut(given, 200), initials(given));
    }

    /** The name as access-service keeps it, from a message's parts. */
    static String join(Name name) {
        String given = name.givenNames() != null ? name.givenNames() : name.initials();
        StringBuilder full = new StringBuilder();
        for (String part : new String[]{given, name.prefix(), name.surname()}) {
            if (part != null && !part.isBlank()) {
                full.append(full.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        return cut(full.toString(), 200);
    }

    private static String initials(String givenNames) {
        StringBuilder initials = new StringBuilder();
        for (String name : givenNames.split("[\\s-]+")) {
            if (!name.isEmpty() && Character.isLetter(name.charAt(0)) && initials.length() < 6) {
                initials.append(Character.toUpperCase(name.charAt(0)));
            }
        }
        return initials.isEmpty() ? null : initials.toString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
