/** What analysts read: the dashboard's JSON API and web page. */
package nl.regioinkoop.monitoring.dashboard;
