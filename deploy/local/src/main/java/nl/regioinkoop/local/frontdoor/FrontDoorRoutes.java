package nl.regioinkoop.local.frontdoor;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which service answers a path: the screens' prefixes to their services, everything else (the home page, login,
 * logout, the look's CSS, the dashboard and its data calls under /api/) to the default service. The same table as
 * deploy/k8s/base/ingress.yaml. Programs call each service's own address for its API.
 */
public record FrontDoorRoutes(Map<String, URI> byPrefix, URI fallback) {

    public FrontDoorRoutes {
        byPrefix = new LinkedHashMap<>(byPrefix);
    }

    public URI target(String path) {
        for (Map.Entry<String, URI> route : byPrefix.entrySet()) {
            String prefix = route.getKey();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return route.getValue();
            }
        }
        return fallback;
    }
}
