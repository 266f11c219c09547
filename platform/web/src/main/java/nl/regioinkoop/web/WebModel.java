package nl.regioinkoop.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.model.ViewModelProcessor;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every page's layout needs, added to every view's model: {@code fmt} (Dutch formatting), {@code session}
 * (who is signed in), {@code screens} (the navigation for the caller's roles), {@code csrf} (the forms' token) and
 * {@code path}, {@code atHome} and {@code current} (the path of the current screen, to mark it in the menu).
 */
@Singleton
class WebModel implements ViewModelProcessor<Map<String, Object>> {
    private static final Format FORMAT = new Format();
    private final Navigation navigation;
    private final Csrf csrf;

    WebModel(Navigation navigation, Csrf csrf) {
        this.navigation = navigation;
        this.csrf = csrf;
    }

    @Override
    public void process(HttpRequest<?> request, ModelAndView<Map<String, Object>> view) {
        Map<String, Object> model = new HashMap<>(view.getModel().orElse(Map.of()));
        model.put("fmt", FORMAT);
        model.put("path", request.getPath());
        model.put("atHome", "/".equals(request.getPath()));
        model.put("csrf", csrf.tokenFor(request).orElse(""));
        Session session = request.getUserPrincipal(Authentication.class).map(Session::of).orElse(null);
        model.put("session", session);
        List<Screen> screens = session == null ? List.of() : navigation.screensFor(session.caller().roles());
        model.put("screens", screens);
        model.put("current", navigation.current(request.getPath(), screens));
        view.setModel(model);
    }
}
