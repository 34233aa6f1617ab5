package work.liaobots.spring.messages;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The rule for how the model may use the request's tools.
 *
 * @param type {@code auto} (the model decides), {@code any} (it must use some tool),
 * {@code tool} (it must use the named tool) or {@code none}
 * @param name the tool to use when the type is {@code tool}
 * @param disableParallelToolUse whether the model uses at most one tool per response
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolChoice(String type, @Nullable String name,
		@JsonProperty("disable_parallel_tool_use") @Nullable Boolean disableParallelToolUse) {

	public static ToolChoice auto() {
		return new ToolChoice("auto", null, null);
	}

	public static ToolChoice any() {
		return new ToolChoice("any", null, null);
	}

	/**
	 * Returns a choice that makes the model use one named tool.
	 * @param name the tool name
	 * @return the choice
	 */
	public static ToolChoice tool(String name) {
		return new ToolChoice("tool", name, null);
	}

	public static ToolChoice none() {
		return new ToolChoice("none", null, null);
	}

	/**
	 * Returns a copy that lets the model use at most one tool per response.
	 * @return the new choice
	 */
	public ToolChoice withoutParallelToolUse() {
		return new ToolChoice(this.type, this.name, true);
	}

}
