package nl.regioinkoop.access.familyplan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.regioinkoop.access.client.Client;
import nl.regioinkoop.access.client.Clients;
import nl.regioinkoop.kit.problem.Problem;
import nl.regioinkoop.kit.problem.ProblemException;
import nl.regioinkoop.kit.security.Caller;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One family plan per household (gezinsplan): its members and goals across domains. A client belongs to at most
 * one plan; the database's unique member key backs the check against a race.
 */
@Singleton
public class FamilyPlans {
    static final Set<String> DOMAINS = Set.of("YOUTH", "WMO", "EDUCATION", "WORK_AND_INCOME", "DEBT", "HOUSING",
            "HEALTH", "SAFETY", "SOCIAL_NETWORK");
    static final Set<String> STATUSES = Set.of("OPEN", "ACHIEVED", "ABANDONED");

    private final JdbcOperations jdbc;
    private final Clients clients;
    private final Clock clock;

    FamilyPlans(JdbcOperations jdbc, Clients clients, Clock clock) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.clock = clock;
    }

    @Serdeable
    record Goal(UUID id, String domain, String description, @Nullable LocalDate targetDate, String status) {
    }

    @Serdeable
    record Plan(UUID id, String municipalityCode, String household, List<UUID> clientIds, List<Goal> goals) {
    }

    @Transactional
    Plan create(CreateFamilyPlan command, Caller caller) {
        if (caller.municipalityCode() == null) {
            throw ProblemException.forbidden();
        }
        if (new HashSet<>(command.clientIds()).size() != command.clientIds().size()) {
            throw ProblemException.invalid("clientIds lists a client twice");
        }
        for (UUID clientId : command.clientIds()) {
            Client client = clients.findById(clientId).orElseThrow(() -> ProblemException.invalid(
                    "Client " + clientId + " is not registered", new Problem.Violation("clientIds", "unknown client")));
            caller.requireMunicipality(client.municipalityCode());
            UUID existing = planOf(clientId);
            if (existing != null) {
                throw ProblemException.conflict("client-already-in-family-plan", "Client already in a family plan",
                        "Client " + clientId + " already belongs to family plan " + existing
                                + ": one plan per household").with("familyPlanId", existing);
            }
        }
        UUID id = UUID.randomUUID();
        update("insert into family_plan (id, municipality_code, household, created_at) values (?, ?, ?, ?)",
                id, caller.municipalityCode(), command.household().strip(), Timestamp.from(clock.instant()));
        for (UUID clientId : command.clientIds()) {
            update("insert into family_plan_member (family_plan_id, client_id) values (?, ?)", id, clientId);
        }
        for (AddGoal goal : command.goals() == null ? List.<AddGoal>of() : command.goals()) {
            insertGoal(id, goal);
        }
        return find(id);
    }

    @Transactional
    Plan addGoal(UUID planId, AddGoal goal, Caller caller) {
        Plan plan = readable(planId, caller);
        insertGoal(plan.id(), goal);
        return find(planId);
    }

    @Transactional
    Plan setGoalStatus(UUID planId, UUID goalId, String status, Caller caller) {
        readable(planId, caller);
        if (!STATUSES.contains(status)) {
            throw ProblemException.invalid("status must be one of " + STATUSES, new Problem.Violation("status", "unknown"));
        }
        int changed = update("update family_plan_goal set status = ?, updated_at = ? where id = ? and family_plan_id = ?",
                status, Timestamp.from(clock.instant()), goalId, planId);
        if (changed == 0) {
            throw ProblemException.notFound("Goal " + goalId);
        }
        return find(planId);
    }

    @Transactional
    Plan readable(UUID planId, Caller caller) {
        Plan plan = find(planId);
        if (plan == null) {
            throw ProblemException.notFound("Family plan " + planId);
        }
        caller.requireMunicipality(plan.municipalityCode());
        return plan;
    }

    private void insertGoal(UUID planId, AddGoal goal) {
        if (!DOMAINS.contains(goal.domain())) {
            throw ProblemException.invalid("domain must be one of " + DOMAINS, new Problem.Violation("domain", "unknown"));
        }
        update("insert into family_plan_goal (id, family_plan_id, domain, description, target_date, status, updated_at) "
                        + "values (?, ?, ?, ?, ?, 'OPEN', ?)", UUID.randomUUID(), planId, goal.domain(),
                goal.description().strip(), goal.targetDate() == null ? null : Date.valueOf(goal.targetDate()),
                Timestamp.from(clock.instant()));
    }

    /** The family plan the client belongs to; null when none. */
    @Transactional
    public UUID planOf(UUID clientId) {
        return jdbc.prepareStatement("select family_plan_id from family_plan_member where client_id = ?", st -> {
            try {
                st.setObject(1, clientId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getObject(1, UUID.class) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Plan find(UUID id) {
        return jdbc.prepareStatement("select municipality_code, household from family_plan where id = ?", st -> {
            try {
                st.setObject(1, id);
                String municipality;
                String household;
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    municipality = rs.getString(1);
                    household = rs.getString(2);
                }
                List<UUID> members = new ArrayList<>();
                try (var ps = st.getConnection().prepareStatement(
                        "select client_id from family_plan_member where family_plan_id = ? order by client_id")) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            members.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
                List<Goal> goals = new ArrayList<>();
                try (var ps = st.getConnection().prepareStatement("select id, domain, description, target_date, status "
                        + "from family_plan_goal where family_plan_id = ? order by domain, id")) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Date target = rs.getDate(4);
                            goals.add(new Goal(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                    target == null ? null : target.toLocalDate(), rs.getString(5)));
                        }
                    }
                }
                return new Plan(id, municipality, household, members, goals);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private int update(String sql, Object... values) {
        return jdbc.prepareStatement(sql, st -> {
            try {
                for (int i = 0; i < values.length; i++) {
                    st.setObject(i + 1, values[i]);
                }
                return st.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
