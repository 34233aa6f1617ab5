package work.liaobots.spring.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Base class of response and event models.
 * <p>
 * Fields are bound directly (a plain class binds faster than a record). A field the model
 * does not declare lands in {@link #extra()} and is written back on serialization, so new
 * API fields are never lost. Fields the server left out stay out when a model is written,
 * with any mapper. Equality compares the JSON form.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public abstract class JsonModel {

	/**
	 * Fields this model does not declare. Jackson fills it directly as a field
	 * any-setter: a method any-setter costs Jackson 3.1 a new method handle per unknown
	 * field (AnnotatedMethod.callOnWith binds and adapts one on every call), which took a
	 * quarter of the time of a Responses stream whose deltas carried an undeclared
	 * {@code obfuscation} field. The declared type makes Jackson create a map that keeps
	 * arrival order.
	 */
	@JsonAnySetter
	private LinkedHashMap<String, Object> extra;

	/**
	 * Returns the fields this model does not declare, in arrival order.
	 * @return an unmodifiable map, empty when there are none
	 */
	@JsonAnyGetter
	public Map<String, Object> extra() {
		return (this.extra != null) ? Collections.unmodifiableMap(this.extra) : Collections.emptyMap();
	}

	protected void putExtra(String name, Object value) {
		if (this.extra == null) {
			this.extra = new LinkedHashMap<>();
		}
		this.extra.put(name, value);
	}

	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (other == null || other.getClass() != getClass()) {
			return false;
		}
		return LiaobotsJson.mapper().valueToTree(this).equals(LiaobotsJson.mapper().valueToTree(other));
	}

	@Override
	public int hashCode() {
		return LiaobotsJson.mapper().valueToTree(this).hashCode();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + LiaobotsJson.mapper().writeValueAsString(this);
	}

}
