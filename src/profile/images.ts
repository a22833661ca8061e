// Container images as a profile names them: the uncompressed size of an image's read-only layers,
// resolved when the profile loads (the engine shares those layers between a kernel's containers).

/**
 * Uncompressed sizes of common images, MiB, as `docker images` shows them for the usual tag
 * (linux/amd64) [assumption: rounded from Docker Hub, 2024-2025]. Unknown images get the default.
 */
export const IMAGE_MIB: Readonly<Record<string, number>> = {
  alpine: 8, busybox: 4, ubuntu: 78, debian: 117, nginx: 192, httpd: 148, redis: 138,
  memcached: 84, postgres: 432, mysql: 586, mariadb: 404, mongo: 757, node: 1100,
  python: 1020, golang: 814, openjdk: 470, 'eclipse-temurin': 456, php: 491, ruby: 1000,
  rabbitmq: 217, elasticsearch: 1240, traefik: 180, haproxy: 104, grafana: 430, prometheus: 270,
};
export const DEFAULT_IMAGE_MIB = 200;

/** `registry:5000/team/node:20-alpine` -> `node`. */
export function imageRepo(image: string): string {
  const noDigest = image.split('@')[0];
  const last = noDigest.slice(noDigest.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon < 0 ? last : last.slice(0, colon);
}

/** An `-alpine` or `-slim` tag is the small variant: about a fifth of the full image [assumption]. */
export function imageMiB(image: string): number {
  const base = IMAGE_MIB[imageRepo(image)] ?? DEFAULT_IMAGE_MIB;
  const tag = image.split('@')[0].split('/').pop()?.split(':')[1] ?? '';
  return /alpine|slim/.test(tag) && base > 40 ? Math.round(base / 5) : base;
}
