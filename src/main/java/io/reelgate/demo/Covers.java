package io.reelgate.demo;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** Draws a simple poster (gradient and title) so demo bundles have covers without shipping images. */
final class Covers {

	private static final int WIDTH = 400;

	private static final int HEIGHT = 600;

	private Covers() {
	}

	static byte[] poster(String title, float hue) {
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.6f, 0.5f), 0, HEIGHT,
				Color.getHSBColor(hue, 0.8f, 0.12f)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(255, 255, 255, 230));
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 34));
		int y = HEIGHT - 140;
		for (String line : title.split(" ")) {
			g.drawString(line.toUpperCase(), 32, y);
			y += 40;
		}
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}
}
