#!/usr/bin/env bash
# Packaging speed for watching online: the ffmpeg runs HlsPlan makes, on a generated 1080p clip.
#   bench/hls.sh [seconds]   (default 600: a 10-minute film)
# Prints the remux's speed (an H.264/AAC source copied into fMP4 HLS) and the ladder's real-time factor (an MPEG-4
# Part 2 source encoded with x264 at 720p and 480p), each as a multiple of real time. The options are those of
# src/main/java/io/reelgate/media/HlsPlan.java; keep them in step.
set -euo pipefail

SECONDS_LONG=${1:-600}
# KEEP=dir keeps the generated sources there (and reuses them on the next run).
if [ -n "${KEEP:-}" ]; then WORK=$KEEP; mkdir -p "$WORK"; rm -rf "$WORK/remux" "$WORK/ladder"; else WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT; fi
command -v ffmpeg >/dev/null || { echo "needs ffmpeg (apt-get install ffmpeg)" >&2; exit 1; }

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l; }

if [ ! -s "$WORK/mpeg4.avi" ]; then
echo "Making a ${SECONDS_LONG}s 1920x1080 H.264/AAC source and an MPEG-4 Part 2/MP3 one..."
ffmpeg -nostdin -v error -y -f lavfi -i "testsrc2=duration=${SECONDS_LONG}:size=1920x1080:rate=25" \
  -f lavfi -i "sine=duration=${SECONDS_LONG}" -shortest -c:v libx264 -preset ultrafast -pix_fmt yuv420p \
  -g 50 -c:a aac "$WORK/h264.mp4"
ffmpeg -nostdin -v error -y -i "$WORK/h264.mp4" -c:v mpeg4 -q:v 4 -c:a libmp3lame -b:a 128k "$WORK/mpeg4.avi"
fi

HLS=(-sn -dn -f hls -hls_time 6 -hls_playlist_type vod -hls_segment_type fmp4 -hls_flags single_file)

mkdir "$WORK/remux"
start=$(now)
ffmpeg -nostdin -v error -y -i "file:$WORK/h264.mp4" -map 0:v:0 -c:v copy -map 0:a:0 -c:a copy "${HLS[@]}" \
  -var_stream_map "v:0,agroup:aud,name:v1080 a:0,agroup:aud,name:a" \
  -hls_segment_filename "file:$WORK/remux/%v.m4s" "file:$WORK/remux/%v.m3u8"
remux=$(elapsed "$start" "$(now)")
printf 'remux  (H.264/AAC copied):      %6.2f s  = %6.1f x real time (load %s)\n' "$remux" \
  "$(echo "$SECONDS_LONG / $remux" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"

# LADDER_SECONDS=N encodes only the first N seconds (on a busy machine the whole film takes over an hour).
LADDER_SECONDS=${LADDER_SECONDS:-$SECONDS_LONG}
mkdir "$WORK/ladder"
start=$(now)
ffmpeg -nostdin -v error -y -t "$LADDER_SECONDS" -i "file:$WORK/mpeg4.avi" \
  -filter_complex "[0:v:0]split=2[s0][s1];[s0]scale=-2:720[o0];[s1]scale=-2:480[o1]" -map "[o0]" -map "[o1]" \
  -c:v libx264 -preset veryfast -profile:v high -pix_fmt yuv420p -sc_threshold 0 \
  -force_key_frames "expr:gte(t,n_forced*6)" -b:v:0 2851k -maxrate:v:0 4276k -bufsize:v:0 5702k \
  -b:v:1 1267k -maxrate:v:1 1900k -bufsize:v:1 2534k -map 0:a:0 -c:a aac -b:a 128k -ac 2 "${HLS[@]}" \
  -var_stream_map "v:0,agroup:aud,name:v720 v:1,agroup:aud,name:v480 a:0,agroup:aud,name:a" \
  -hls_segment_filename "file:$WORK/ladder/%v.m4s" "file:$WORK/ladder/%v.m3u8"
ladder=$(elapsed "$start" "$(now)")

printf 'source: %ss of 1080p25, %s cores\n' "$SECONDS_LONG" "$(nproc)"
printf 'ladder (x264 720p+480p, AAC, first %ss): %6.2f s = %6.2f x real time (load %s)\n' "$LADDER_SECONDS" "$ladder" \
  "$(echo "$LADDER_SECONDS / $ladder" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
