package work.liaobots.spring.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Base class of response and event models.
 * <p>
 * Fields are bound directly (a plain class binds faster than a record). A field the model
 * does not declare lands in {@link #extra()} and is written back on serialization, so new
 * API fields are never lost. Equality compares the JSON form.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
		isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE, creatorVisibility = Visibility.NONE)
public abstract class JsonModel {

	@JsonIgnore
	private Map<String, Object> extra;

	/**
	 * Returns the fields this model does not declare, in arrival order.
	 * @return an unmodifiable map, empty when there are none
	 */
	@JsonAnyGetter
	public Map<String, Object> extra() {
		return (this.extra != null) ? Collections.unmodifiableMap(this.extra) : Collections.emptyMap();
	}

	@JsonAnySetter
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
