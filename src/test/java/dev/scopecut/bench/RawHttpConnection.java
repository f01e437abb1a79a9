package dev.scopecut.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection that posts and reads the status of the answer. The
 * load generator shares the machine with the app, so it spends as little CPU per request
 * as it can: no client library, no parsing beyond the status line and the body's length.
 */
final class RawHttpConnection implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	RawHttpConnection(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** Posts a form body with the given extra header lines; returns the HTTP status. */
	int post(String path, byte[] body, String extraHeaders) throws IOException {
		if (this.socket == null) {
			connect();
		}
		String head = "POST " + path + " HTTP/1.1\r\nHost: " + this.host + ":" + this.port
				+ "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n"
				+ extraHeaders + "\r\n";
		try {
			this.out.write(head.getBytes(StandardCharsets.US_ASCII));
			this.out.write(body);
			this.out.flush();
			return readResponse();
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private void connect() throws IOException {
		this.socket = new Socket(this.host, this.port);
		this.socket.setTcpNoDelay(true);
		this.socket.setSoTimeout(30_000);
		this.out = this.socket.getOutputStream();
		this.in = new BufferedInputStream(this.socket.getInputStream(), 16 * 1024);
	}

	private int readResponse() throws IOException {
		String status = readLine();
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		String line;
		while (!(line = readLine()).isEmpty()) {
			String lower = line.toLowerCase();
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(line.substring(15).strip());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			long size;
			while ((size = Long.parseLong(readLine().strip(), 16)) > 0) {
				skip(size + 2);
			}
			readLine();
		}
		else if (length > 0) {
			skip(length);
		}
		if (close) {
			close();
		}
		return code;
	}

	private void skip(long count) throws IOException {
		long left = count;
		while (left > 0) {
			long skipped = this.in.skip(left);
			if (skipped <= 0) {
				if (this.in.read() < 0) {
					throw new IOException("connection closed mid-body");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = this.in.read()) != '\n') {
			if (c < 0) {
				throw new IOException("connection closed");
			}
			if (c != '\r') {
				line.append((char) c);
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing a broken connection: nothing left to do
			}
			this.socket = null;
		}
	}

}
