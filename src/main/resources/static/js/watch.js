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
    const resumeAt = video.dataset.resume ? Number(video.dataset.resume) : 0;
    const trackElements = Array.prototype.slice.call(video.querySelectorAll('track'));

    // Where playback starts: the position stored on the server, once the media element knows the duration.
    function startAt(position) {
        if (position > 0) {
            video.addEventListener('loadedmetadata', function () {
                video.currentTime = position;
            }, { once: true });
        }
    }

    function progressive(message) {
        if (message) {
            status.textContent = message;
        }
        quality.disabled = true;
        if (audio) {
            audio.disabled = true;
        }
        startAt(video.currentTime || resumeAt);
        trackElements.forEach(function (track) {
            video.appendChild(track);
        });
        video.src = progressiveUrl;
        nativeCaptions();
    }

    function levelLabel(level) {
        return level.height ? quality.dataset.heightLabel.replace('{h}', level.height) : String(level.bitrate);
    }

    // Replaces the options of a menu after its first keep ones (such as "Automatic" or "Off") with one per name, whose
    // value is its index.
    function options(select, keep, names) {
        while (select.options.length > keep) {
            select.remove(keep);
        }
        names.forEach(function (name, index) {
            const option = document.createElement('option');
            option.value = String(index);
            option.textContent = name;
            select.appendChild(option);
        });
    }

    // Captions: the <track> elements for progressive playback, or the master playlist's subtitle renditions.
    const captions = document.getElementById('captions');

    function captionChoices(names) {
        if (!captions) {
            return;
        }
        options(captions, 1, names);
        captions.value = '-1';
    }

    function nativeCaptions() {
        const tracks = Array.prototype.filter.call(video.textTracks, function (track) {
            return track.kind === 'subtitles' || track.kind === 'captions';
        });
        captionChoices(tracks.map(function (track) {
            return track.label;
        }));
        if (captions) {
            captions.onchange = function () {
                tracks.forEach(function (track, index) {
                    track.mode = String(index) === captions.value ? 'showing' : 'disabled';
                });
            };
        }
    }

    // Audio: the master playlist's audio renditions (a dub, a commentary, an audio description), one to choose. The
    // menu stays disabled with a single sound track, and for the original file, whose extra tracks browsers ignore.
    const audio = document.getElementById('audio');

    // The server names a rendition by its title ("Commentary") or, without one, by its language in that language
    // ("Français"): the language goes in brackets only where the name does not say it already.
    function audioLabel(track) {
        if (!track.lang) {
            return track.name;
        }
        let language = track.lang;
        try {
            language = new Intl.DisplayNames([track.lang], { type: 'language' }).of(track.lang);
        } catch (e) {
            // A tag the browser cannot read shows as it is.
        }
        return language.toLowerCase() === track.name.toLowerCase() ? track.name : track.name + ' (' + language + ')';
    }

    function audioChoices(tracks, selected, choose) {
        if (!audio) {
            return;
        }
        options(audio, 0, tracks.map(audioLabel));
        audio.value = String(selected);
        audio.disabled = tracks.length < 2;
        audio.onchange = function () {
            choose(Number(audio.value));
        };
    }

    // The stream carries the captions as subtitle renditions; the <track> copies would show each one twice. They
    // come back if the stream fails and the original file plays instead.
    function dropTrackElements() {
        trackElements.forEach(function (track) {
            track.remove();
        });
    }

    if (hlsUrl && window.Hls && window.Hls.isSupported()) {
        dropTrackElements();
        // No worker: the strict CSP allows scripts from this origin only, and a worker would be a blob: script.
        const hls = new window.Hls({ enableWorker: false, capLevelToPlayerSize: true, startPosition: resumeAt || -1 });
        hls.on(window.Hls.Events.MANIFEST_PARSED, function () {
            options(quality, 1, hls.levels.map(levelLabel));
            quality.disabled = hls.levels.length < 2;
        });
        // hls.js 1.7 loses the sound when the track changes while the first track's first segment is still loading:
        // both tracks' requests are aborted, no audio is ever buffered, and the film never starts (no error either).
        // So a track chosen that early (before the first play, say) is switched to once audio has been buffered,
        // which is the same switch as one made while playing.
        let audioBuffered = false;
        let pendingAudio = -1;
        hls.on(window.Hls.Events.FRAG_BUFFERED, function (event, data) {
            if (data.frag.type === 'audio' && !audioBuffered) {
                audioBuffered = true;
                if (pendingAudio >= 0) {
                    hls.audioTrack = pendingAudio;
                    pendingAudio = -1;
                }
            }
        });
        // hls.js lists the tracks before it has chosen one (audioTrack is -1 then): the menu shows the DEFAULT one,
        // and follows whichever hls.js switches to.
        hls.on(window.Hls.Events.AUDIO_TRACKS_UPDATED, function () {
            const chosen = pendingAudio >= 0 ? pendingAudio : hls.audioTrack >= 0 ? hls.audioTrack
                : Math.max(0, hls.audioTracks.findIndex(function (t) {
                    return t.default;
                }));
            audioChoices(hls.audioTracks, chosen, function (index) {
                if (audioBuffered) {
                    hls.audioTrack = index;
                } else {
                    pendingAudio = index;
                }
            });
        });
        hls.on(window.Hls.Events.AUDIO_TRACK_SWITCHED, function () {
            if (audio && pendingAudio < 0) {
                audio.value = String(hls.audioTrack);
            }
        });
        hls.on(window.Hls.Events.SUBTITLE_TRACKS_UPDATED, function () {
            captionChoices(hls.subtitleTracks.map(function (track) {
                return track.name;
            }));
        });
        if (captions) {
            captions.onchange = function () {
                hls.subtitleDisplay = true;
                hls.subtitleTrack = Number(captions.value);
            };
        }
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
        dropTrackElements();
        startAt(resumeAt);
        video.src = hlsUrl;
        video.textTracks.addEventListener('addtrack', nativeCaptions);
        // Safari lists the renditions as the element's audio tracks; enabling one disables the others.
        if (video.audioTracks) {
            video.audioTracks.addEventListener('addtrack', function () {
                const tracks = Array.prototype.slice.call(video.audioTracks);
                audioChoices(tracks.map(function (track) {
                    return { name: track.label, lang: track.language };
                }), Math.max(0, tracks.findIndex(function (track) {
                    return track.enabled;
                })), function (index) {
                    tracks.forEach(function (track, i) {
                        track.enabled = i === index;
                    });
                });
            });
        }
    } else {
        progressive();
    }

    const resume = document.getElementById('resume');
    if (resume) {
        const from = function (position) {
            return function () {
                resume.classList.add('d-none');
                video.currentTime = position;
                video.play();
                video.focus();
            };
        };
        document.getElementById('resume-play').addEventListener('click', from(resumeAt));
        document.getElementById('start-over').addEventListener('click', from(0));
        video.addEventListener('play', function () {
            resume.classList.add('d-none');
        }, { once: true });
    }

    // A preview says once that it started playing, for the creator's analytics.
    const playedUrl = video.dataset.played;
    if (playedUrl) {
        video.addEventListener('playing', function () {
            fetch(playedUrl, { method: 'POST', body: new URLSearchParams({ _csrf: video.dataset.csrf }),
                keepalive: true, credentials: 'same-origin', redirect: 'manual' }).catch(function () {
                // An uncounted play is the only cost.
            });
        }, { once: true });
    }

    // Reports the position to the server (signed-in viewers of the whole file only): every 10 s of playback, on
    // pause, at the end, and when the page is hidden or left. A keepalive fetch outlives the page; the CSRF token
    // travels in the form body. Nothing is reported before playback has started, so opening the page changes nothing.
    // Each report names this page's play (a random id) and its number in it, from which the server counts plays and
    // watch time for the creator's analytics; a report sent twice has the same number and counts once.
    const positionUrl = video.dataset.position;
    if (positionUrl) {
        let started = false;
        let lastReported = -1;
        let seq = 0;
        // getRandomValues, unlike randomUUID, also works on a page served without TLS.
        const play = (function () {
            const b = crypto.getRandomValues(new Uint8Array(16));
            b[6] = (b[6] & 0x0f) | 0x40;
            b[8] = (b[8] & 0x3f) | 0x80;
            const h = Array.from(b, function (x) { return x.toString(16).padStart(2, '0'); }).join('');
            return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' +
                h.slice(20);
        })();
        const report = function () {
            if (!started || video.seeking || !isFinite(video.currentTime)) {
                return;
            }
            const seconds = video.ended && isFinite(video.duration) ? video.duration : video.currentTime;
            if (Math.abs(seconds - lastReported) < 0.05) {
                return;
            }
            lastReported = seconds;
            const body = new URLSearchParams({ seconds: seconds.toFixed(1), play: play, n: String(seq++),
                _csrf: video.dataset.csrf });
            fetch(positionUrl, { method: 'POST', body: body, keepalive: true, credentials: 'same-origin',
                redirect: 'manual' }).catch(function () {
                // A lost report only costs a few seconds of position; the next one replaces it.
            });
        };
        let lastTick = 0;
        video.addEventListener('playing', function () {
            started = true;
        });
        video.addEventListener('timeupdate', function () {
            const now = Date.now();
            if (!video.paused && now - lastTick >= 10000) {
                lastTick = now;
                report();
            }
        });
        video.addEventListener('pause', report);
        video.addEventListener('ended', report);
        window.addEventListener('pagehide', report);
        document.addEventListener('visibilitychange', function () {
            if (document.visibilityState === 'hidden') {
                report();
            }
        });
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
