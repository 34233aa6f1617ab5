package work.liaobots.spring.network;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP CONNECT proxy on 127.0.0.1 for tests. It records each tunnel's target and
 * Proxy-Authorization header, resolves host names only from its own table (so a target is
 * reachable only through it), and pipes bytes both ways.
 */
final class ConnectProxy implements AutoCloseable {

	private final ServerSocket server;

	private final Map<String, InetAddress> hosts;

	private final List<Tunnel> tunnels = new CopyOnWriteArrayList<>();

	private final Thread acceptor;

	ConnectProxy(Map<String, InetAddress> hosts) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.hosts = hosts;
		this.acceptor = new Thread(this::acceptLoop, "connect-proxy");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	List<Tunnel> tunnels() {
		return this.tunnels;
	}

	private void acceptLoop() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				Thread handler = new Thread(() -> handle(client), "connect-proxy-tunnel");
				handler.setDaemon(true);
				handler.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Socket client) {
		try (client) {
			String head = readHead(client.getInputStream());
			String[] requestLine = head.split("\r\n")[0].split(" ");
			String target = requestLine[1];
			String authorization = header(head, "proxy-authorization");
			this.tunnels.add(new Tunnel(target, authorization));
			int colon = target.lastIndexOf(':');
			InetAddress address = this.hosts.get(target.substring(0, colon));
			OutputStream toClient = client.getOutputStream();
			if (!"CONNECT".equals(requestLine[0]) || address == null) {
				toClient
					.write("HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				return;
			}
			try (Socket upstream = new Socket(address, Integer.parseInt(target.substring(colon + 1)))) {
				toClient.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				toClient.flush();
				Thread copy = new Thread(() -> pipe(upstream, client), "connect-proxy-pipe");
				copy.setDaemon(true);
				copy.start();
				pipe(client, upstream);
				copy.join(5000);
			}
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			// The client or upstream closed the tunnel.
		}
	}

	private static void pipe(Socket from, Socket to) {
		try {
			from.getInputStream().transferTo(to.getOutputStream());
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// One side closed; the other copy ends too.
		}
	}

	private static String readHead(InputStream input) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < 4) {
			int value = input.read();
			if (value < 0) {
				throw new IOException("Connection closed before the CONNECT request ended");
			}
			head.write(value);
			matched = (value == end[matched]) ? matched + 1 : ((value == '\r') ? 1 : 0);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

	private static String header(String head, String name) {
		for (String line : head.split("\r\n")) {
			int colon = line.indexOf(':');
			if (colon > 0 && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(name)) {
				return line.substring(colon + 1).strip();
			}
		}
		return null;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

	/**
	 * One CONNECT request.
	 *
	 * @param target the {@code host:port} asked for
	 * @param proxyAuthorization the Proxy-Authorization header, or {@code null}
	 */
	record Tunnel(String target, String proxyAuthorization) {

	}

}
