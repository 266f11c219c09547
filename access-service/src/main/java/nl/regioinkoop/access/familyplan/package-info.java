/** One family plan per household, with goals across domains. */
package nl.regioinkoop.access.familyplan;
