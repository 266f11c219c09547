package nl.regioinkoop.web;

import jakarta.inject.Singleton;
import nl.regioinkoop.kit.security.Roles;

import java.util.List;
import java.util.Set;

/**
 * The one navigation of the platform, whatever service serves the page: every screen of every service with the
 * roles that may open it. A new screen is added here once (and served by its own service under its prefix:
 * access {@code /toegang/}, contracting {@code /inkoop/}, provider {@code /aanbieder/}, monitoring
 * {@code /dashboard/}).
 */
@Singleton
public class Navigation {
    private static final List<Screen> SCREENS = List.of(
            new Screen("/toegang/", "Werkvoorraad",
                    "Nieuwe verwijzingen, verzoeken om toewijzing van aanbieders en de budgetregels van uw gemeente",
                    Set.of(Roles.ACCESS_OFFICER)),
            new Screen("/toegang/clienten", "Inwoners",
                    "Een inwoner zoeken op BSN of registreren; verwijzingen, gezinsplan en toewijzingen per dossier",
                    Set.of(Roles.ACCESS_OFFICER)),
            new Screen("/toegang/budget", "Budget",
                    "De budgetregels van uw gemeente: verplicht, gerealiseerd en resterend",
                    Set.of(Roles.ACCESS_OFFICER)),
            new Screen("/dashboard/", "Dashboard",
                    "Uitgaven, cliënten, aanbieders en signalen van de regio of uw gemeente",
                    Set.of(Roles.MUNICIPALITY_ANALYST, Roles.REGION_ANALYST, Roles.PROCUREMENT_OFFICER, Roles.PROVIDER)));

    /** The screen a path belongs to: the longest prefix (so /toegang/clienten/... is Inwoners, not Werkvoorraad). */
    public String current(String path, List<Screen> screens) {
        return screens.stream().map(Screen::path).filter(path::startsWith)
                .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
    }

    /** The screens the caller's roles may open, in menu order. */
    public List<Screen> screensFor(Set<String> roles) {
        return SCREENS.stream().filter(s -> s.openTo(roles)).toList();
    }
}
