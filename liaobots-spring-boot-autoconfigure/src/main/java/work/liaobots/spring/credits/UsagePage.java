package work.liaobots.spring.credits;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import work.liaobots.spring.json.JsonModel;

/**
 * One page of usage records, newest first, with the cursor of the next page.
 */
public final class UsagePage extends JsonModel {

	@Nullable Integer pageSize;

	@Nullable String nextId;

	@JsonProperty("list")
	@Nullable List<UsageRecord> records;

	@Nullable public Integer pageSize() {
		return this.pageSize;
	}

	/**
	 * Returns the cursor of the next page.
	 * @return the cursor, or {@code null} or empty on the last page
	 */
	@Nullable public String nextId() {
		return this.nextId;
	}

	/**
	 * Returns whether the gateway announced another page.
	 * @return {@code true} if {@link #nextId()} is not empty
	 */
	public boolean hasNext() {
		return this.nextId != null && !this.nextId.isBlank();
	}

	/**
	 * Returns the records of this page (the wire field {@code list}).
	 * @return the records, empty when there are none
	 */
	public List<UsageRecord> records() {
		return (this.records != null) ? this.records : List.of();
	}

}
