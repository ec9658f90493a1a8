/** Matching algorithms over primitive arrays: no Spring, no database. */
package io.tandem.matching.engine;
