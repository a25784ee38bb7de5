/**
 * Time bounds for work whose cost the input decides: a {@link dev.nodefix.bound.Deadline} and text that checks it
 * on every character a regular expression reads. No dependencies, so expressions and inventory patterns share it.
 */
package dev.nodefix.bound;
