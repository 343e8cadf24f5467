// The player page: the HLS package through hls.js (Media Source Extensions), or natively where the browser plays
// HLS itself (Safari), or the original file progressively until the package is ready or when neither works.
(function () {
    'use strict';
    const video = document.getElementById('player');
    if (!video) {
        return;
    }
    const quality = document.getElementById('quality');
    const status = document.getElementById('player-status');
    const hlsUrl = video.dataset.hls;
    const progressiveUrl = video.dataset.progressive;

    function progressive(message) {
        if (message) {
            status.textContent = message;
        }
        quality.disabled = true;
        video.src = progressiveUrl;
    }

    function levelLabel(level) {
        return level.height ? quality.dataset.heightLabel.replace('{h}', level.height) : String(level.bitrate);
    }

    if (hlsUrl && window.Hls && window.Hls.isSupported()) {
        // No worker: the strict CSP allows scripts from this origin only, and a worker would be a blob: script.
        const hls = new window.Hls({ enableWorker: false, capLevelToPlayerSize: true });
        hls.on(window.Hls.Events.MANIFEST_PARSED, function () {
            hls.levels.forEach(function (level, index) {
                const option = document.createElement('option');
                option.value = String(index);
                option.textContent = levelLabel(level);
                quality.appendChild(option);
            });
            quality.disabled = hls.levels.length < 2;
        });
        hls.on(window.Hls.Events.ERROR, function (event, data) {
            if (data.fatal) {
                hls.destroy();
                progressive(status.dataset.fallback);
            }
        });
        quality.addEventListener('change', function () {
            hls.currentLevel = Number(quality.value);
        });
        hls.loadSource(hlsUrl);
        hls.attachMedia(video);
    } else if (hlsUrl && video.canPlayType('application/vnd.apple.mpegurl')) {
        video.src = hlsUrl;
    } else {
        progressive();
    }

    video.addEventListener('keydown', function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        if (event.key === ' ' || event.key === 'k') {
            if (video.paused) {
                video.play();
            } else {
                video.pause();
            }
        } else if (event.key === 'ArrowLeft') {
            video.currentTime = Math.max(0, video.currentTime - 10);
        } else if (event.key === 'ArrowRight') {
            video.currentTime = Math.min(video.duration || 0, video.currentTime + 10);
        } else if (event.key === 'f') {
            if (document.fullscreenElement) {
                document.exitFullscreen();
            } else {
                video.requestFullscreen();
            }
        } else {
            return;
        }
        event.preventDefault();
    });
}());
