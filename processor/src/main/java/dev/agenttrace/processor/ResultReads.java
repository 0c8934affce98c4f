package dev.agenttrace.processor;

import java.util.List;
import javax.lang.model.type.TypeMirror;

/**
 * The values a GenAI span reads from one kind of response (token counts, response id, model, finish
 * reasons), checked at compile time. The generated code reads them in one helper method per
 * distinct value type and paths ({@link UsageHelpers}), which the traced call, the view that runs
 * default methods, streaming handlers and stream elements share.
 *
 * @param valueType the type the paths start from: the result, the value a stage completes with,
 *     each element of a stream, or the final response a streaming handler receives
 * @param paths the paths, each starting at {@link ValuePath#RESULT}
 */
record ResultReads(TypeMirror valueType, List<ValuePath> paths) {}
