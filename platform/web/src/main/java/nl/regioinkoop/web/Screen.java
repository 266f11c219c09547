package nl.regioinkoop.web;

import java.util.Set;

/**
 * A screen the navigation links to: where it lives (its service's path prefix), what it is called, and the roles
 * that may open it. The screens themselves check the same {@code Caller.require*} rules as the API.
 */
public record Screen(String path, String title, String description, Set<String> roles) {

    public boolean openTo(Set<String> callerRoles) {
        return roles.stream().anyMatch(callerRoles::contains);
    }
}
