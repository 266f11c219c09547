package nl.regioinkoop.access.referral;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * A region's triage vocabulary from configuration ({@code access.regions.<code>}): segments, profiles, intensities,
 * and the municipalities (CBS codes) whose residents are triaged with it.
 */
@EachProperty("access.regions")
@Serdeable
public class RegionSettings {
    private final String region;
    private List<String> segments = List.of();
    private List<String> profiles = List.of();
    private int maxIntensity = 7;
    private List<String> municipalities = List.of();

    public RegionSettings(@Parameter String region) {
        this.region = region.toUpperCase(java.util.Locale.ROOT);
    }

    public String getRegion() {
        return region;
    }

    public List<String> getSegments() {
        return segments;
    }

    public void setSegments(List<String> segments) {
        this.segments = List.copyOf(segments);
    }

    public List<String> getProfiles() {
        return profiles;
    }

    public void setProfiles(List<String> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    public int getMaxIntensity() {
        return maxIntensity;
    }

    public void setMaxIntensity(int maxIntensity) {
        this.maxIntensity = maxIntensity;
    }

    public List<String> getMunicipalities() {
        return municipalities;
    }

    public void setMunicipalities(List<String> municipalities) {
        this.municipalities = List.copyOf(municipalities);
    }
}
