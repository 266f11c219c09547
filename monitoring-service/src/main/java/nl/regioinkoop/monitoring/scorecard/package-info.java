/** Provider scorecards: clients, spend, duration, cost per client, dropout, goals, satisfaction, waiting time. */
package nl.regioinkoop.monitoring.scorecard;
