/*
 * Copyright the camel-chimpypos authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.chimpypos.camel.store.hazelcast;

import java.time.Clock;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.chimpypos.camel.store.EncryptingTokenStore;
import io.github.chimpypos.camel.store.PollRecord;
import io.github.chimpypos.camel.store.SealedTokenRecord;
import io.github.chimpypos.camel.store.TokenStoreException;
import io.github.chimpypos.camel.store.TokenStoreSession;
import io.github.chimpypos.camel.store.TokenStores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token store in a Hazelcast {@link IMap}, for applications that already run a data grid. Compare-and-set is
 * {@code putIfAbsent} for the first write and {@code replace(key, expected, next)} after it, both atomic on the key's
 * partition: the CP subsystem (Enterprise-only since Hazelcast 5.5) is not needed. Values are strings, so the members
 * need no class of ours, and the instance may be a member or a client.
 *
 * <p>
 * Lease owners carry the UUID of the member that claimed them; when a member leaves the cluster, the oldest remaining
 * member ends its leases at once instead of letting the successor wait for them to expire. That is safe because a
 * lease holder took the refresh token out of the record when it claimed: the successor makes a password grant.
 *
 * <p>
 * Split brain: both halves keep a copy of the map and could each renew from the same record; configure split-brain
 * protection on the map (see {@code docs/scale-out.md}) so the minority half fails its writes and works without the
 * store.
 */
public class HazelcastTokenStore extends EncryptingTokenStore implements AutoCloseable {

    /** The default map name. */
    public static final String DEFAULT_MAP = "chimpypos-token-store";

    /** The default map of the clustered polling consumer's leases and last-seen states. */
    public static final String DEFAULT_POLL_MAP = "chimpypos-poll-store";

    private static final Logger LOG = LoggerFactory.getLogger(HazelcastTokenStore.class);
    private static final Pattern MAP_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

    private final HazelcastInstance hazelcast;
    private final UUID listenerRegistration;
    private volatile String mapName = DEFAULT_MAP;
    private volatile String pollMapName = DEFAULT_POLL_MAP;
    private volatile Clock clock = Clock.systemUTC();

    public HazelcastTokenStore(HazelcastInstance hazelcast) {
        this.hazelcast = Objects.requireNonNull(hazelcast, "hazelcast");
        this.listenerRegistration = hazelcast.getCluster().addMembershipListener(new LeaseReleaser());
    }

    /** The map name (default {@value #DEFAULT_MAP}); configure split-brain protection for it by this name. */
    public void setMapName(String mapName) {
        if (mapName == null || !MAP_NAME.matcher(mapName).matches()) {
            throw new IllegalArgumentException(
                    "mapName must be 1 to 200 letters, digits, '_', '.' or '-', was: " + mapName);
        }
        this.mapName = mapName;
    }

    /** The map of the clustered polling consumer (default {@value #DEFAULT_POLL_MAP}). */
    public void setPollMapName(String pollMapName) {
        if (pollMapName == null || !MAP_NAME.matcher(pollMapName).matches()) {
            throw new IllegalArgumentException(
                    "pollMapName must be 1 to 200 letters, digits, '_', '.' or '-', was: " + pollMapName);
        }
        this.pollMapName = pollMapName;
    }

    /** The clock that stamps released leases; tests move it. */
    void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private IMap<String, String> map() {
        return hazelcast.getMap(mapName);
    }

    @Override
    protected Optional<SealedTokenRecord> loadSealed(String key) {
        try {
            return Optional.ofNullable(map().get(key)).map(SealedRecordCodec::decode);
        } catch (HazelcastException | IllegalStateException e) {
            throw unreachable(e);
        }
    }

    @Override
    protected boolean compareAndSetSealed(String key, long expectedVersion, SealedTokenRecord next) {
        String encoded = SealedRecordCodec.encode(next);
        try {
            IMap<String, String> map = map();
            if (expectedVersion == 0) {
                return map.putIfAbsent(key, encoded) == null;
            }
            String current = map.get(key);
            return current != null
                    && SealedRecordCodec.version(current) == expectedVersion
                    && map.replace(key, current, encoded);
        } catch (HazelcastException | IllegalStateException e) {
            throw unreachable(e);
        }
    }

    @Override
    public Optional<PollRecord> loadPollRecord(String key) {
        try {
            return Optional.ofNullable(pollMap().get(key)).map(SealedRecordCodec::decodePoll);
        } catch (HazelcastException | IllegalStateException e) {
            throw unreachable(e);
        }
    }

    @Override
    public boolean compareAndSetPollRecord(String key, long expectedVersion, PollRecord next) {
        TokenStores.requireNextVersion(expectedVersion, next);
        String encoded = SealedRecordCodec.encodePoll(next);
        try {
            IMap<String, String> map = pollMap();
            if (expectedVersion == 0) {
                return map.putIfAbsent(key, encoded) == null;
            }
            String current = map.get(key);
            return current != null
                    && SealedRecordCodec.decodePoll(current).version() == expectedVersion
                    && map.replace(key, current, encoded);
        } catch (HazelcastException | IllegalStateException e) {
            throw unreachable(e);
        }
    }

    private IMap<String, String> pollMap() {
        return hazelcast.getMap(pollMapName);
    }

    private TokenStoreException unreachable(RuntimeException e) {
        return new TokenStoreException("token store map " + mapName + " unreachable: " + e.getMessage(), e);
    }

    /** The local member's (or client's) UUID, so the cluster can tell whose leases to end when it leaves. */
    @Override
    public String newLeaseOwner() {
        return hazelcast.getLocalEndpoint().getUuid() + "/" + UUID.randomUUID();
    }

    @Override
    public void close() {
        try {
            hazelcast.getCluster().removeMembershipListener(listenerRegistration);
        } catch (HazelcastException | IllegalStateException e) {
            LOG.debug("membership listener not removed: the Hazelcast instance is already down", e);
        }
    }

    @Override
    public String toString() {
        return "HazelcastTokenStore[map=" + mapName + "]";
    }

    private final class LeaseReleaser implements MembershipListener {

        @Override
        public void memberAdded(MembershipEvent event) {
            // a new member holds no lease
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            if (!isOldestMember()) {
                return;
            }
            String prefix = event.getMember().getUuid() + "/";
            try {
                for (String key : map().keySet()) {
                    if (TokenStoreSession.releaseLeaseOf(
                            HazelcastTokenStore.this, key, owner -> owner.startsWith(prefix), clock)) {
                        LOG.info(
                                "Released the token renewal lease of member {}, which left the cluster",
                                event.getMember().getAddress());
                    }
                }
            } catch (RuntimeException e) {
                // the lease then ends when it expires, as with any other store
                LOG.warn(
                        "Could not release the leases of member {}: {}",
                        event.getMember().getAddress(),
                        e.toString());
            }
        }

        /** One member does the release; the others would only lose the compare-and-set. */
        private boolean isOldestMember() {
            Iterator<Member> members = hazelcast.getCluster().getMembers().iterator();
            return members.hasNext() && members.next().localMember();
        }
    }
}
